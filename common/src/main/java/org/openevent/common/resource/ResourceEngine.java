package org.openevent.common.resource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.EntityTags;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.ResourceIdentifier;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.persistence.Transactions;

/**
 * Serves every declared resource type generically: single reads, lists (whole collection, per event, related),
 * compound documents, relationship linkage, creation, PATCH merging, deletion and relationship changes. Each
 * operation reads in a session, checks access (asking the event's owner before denying anything), writes in one
 * short transaction, and lets the type's {@link ResourceRules} decide what is special.
 */
@ApplicationScoped
public class ResourceEngine {

    private static final String ALIAS = ResourceType.ALIAS;

    private final ResourceRegistry registry;
    private final AccessResolver resolver;
    private final RemoteResources remote;
    private final EntityTags tags;
    private final Renderer renderer = new Renderer();
    private final Includes includes;

    public ResourceEngine(ResourceRegistry registry, AccessResolver resolver, RemoteResources remote,
                          EntityTags tags) {
        this.registry = registry;
        this.resolver = resolver;
        this.remote = remote;
        this.tags = tags;
        this.includes = new Includes(registry, resolver, renderer);
    }

    // ================================================================== reads

    /** {@code GET /v1/<collection>/<id>}. */
    public <E extends ResourceEntity> Uni<Document> get(ApiRequest request, String type, String rawId) {
        ResourceRules<E> rules = registry.rules(type);
        checkFields(request);
        IncludeTree tree = request.include();
        return Panache.withSession(() -> resolveId(request, rules, rawId).flatMap(id -> visible(request, rules, id,
                (a, e) -> true)).flatMap(found -> {
            Graph graph = new Graph(request, found.access());
            ResourceObject primary = renderer.render(rules, found.entity(), found.access(), graph.fields);
            return includes.expand(graph, rules, List.of(found.entity()), Map.of(found.entity().id(), primary), tree)
                    .replaceWith(new Assembly(primary, graph, null));
        })).flatMap(this::finish);
    }

    /** {@code GET /v1/<collection>}: every row of the type the caller may see (admins only by default). */
    public <E extends ResourceEntity> Uni<Document> list(ApiRequest request, String type) {
        ResourceRules<E> rules = registry.rules(type);
        return listWhere(request, type, "1 = 1", new Binder(), "/v1/" + rules.type().collection());
    }

    /**
     * A list of the type restricted by an HQL condition on alias {@code x} (values bound through {@code binder}),
     * for custom routes such as "my events" or "upcoming events"; {@code self} is the route's path.
     */
    public <E extends ResourceEntity> Uni<Document> listWhere(ApiRequest request, String type, String where,
                                                              Binder binder, String self) {
        ResourceRules<E> rules = registry.rules(type);
        Access access = Access.global(request.caller());
        rules.checkListAll(access);
        return Panache.withSession(() -> page(request, rules, access, where, binder, self)).flatMap(this::finish);
    }

    /** {@code GET /v1/events/<ref>/<collection>}: the children of one event. */
    public <E extends ResourceEntity> Uni<Document> eventChildren(ApiRequest request, String reference,
                                                                  String collection) {
        ResourceRules<E> rules = this.<E>registeredCollection(collection);
        if (!rules.type().eventChild()) {
            throw ApiException.notFound("Route");
        }
        return Panache.withSession(() -> visibleEvent(request, reference)
                .flatMap(access -> {
                    Binder binder = new Binder();
                    return page(request, rules, access, ALIAS + ".eventId = " + binder.apply(access.eventId()), binder,
                            "/v1/events/" + reference + "/" + collection);
                })).flatMap(this::finish);
    }

    /**
     * {@code GET /v1/users/<id>/<name>}: the rows of a local type related to a user (declared with
     * {@code ofUser}); only the user and admins may read them, anyone else gets the same 404 as for no user.
     */
    public <E extends ResourceEntity> Uni<Document> userChildren(ApiRequest request, String rawUserId, String name) {
        ResourceRules<E> rules = registry.<E>byUserRelation(name).orElseThrow(() -> ApiException.notFound("Route"));
        long userId = Ids.parse(rawUserId, "User");
        request.caller().requireUser();
        if (!request.caller().admin() && !Long.valueOf(userId).equals(request.caller().userId())) {
            throw ApiException.notFound("User");
        }
        Binder binder = new Binder();
        String where = "(" + rules.type().userRelations().get(name).replace("{user}", binder.apply(userId)) + ")";
        return Panache.withSession(() -> page(request, rules, Access.global(request.caller()), where, binder,
                "/v1/users/" + userId + "/" + name)).flatMap(this::finish);
    }

    /** {@code GET /v1/events/<ref>/relationships/<collection>}: the linkage of an event's children here. */
    public <E extends ResourceEntity> Uni<Document> eventChildrenLinkage(ApiRequest request, String reference,
                                                                         String collection) {
        ResourceRules<E> rules = this.<E>registeredCollection(collection);
        if (!rules.type().eventChild()) {
            throw ApiException.notFound("Route");
        }
        return Panache.withSession(() -> visibleEvent(request, reference)
                .flatMap(access -> {
                    Binder binder = new Binder();
                    String hql = "select x.id from " + rules.type().entityName() + " x where x.eventId = "
                            + binder.apply(access.eventId()) + Queries.liveAndVisible(rules, access, "x", binder, false)
                            + " order by x.id";
                    return Panache.getSession().flatMap(session -> {
                        var query = session.createSelectionQuery(hql, Long.class);
                        binder.parameters().forEach(query::setParameter);
                        return query.getResultList();
                    }).map(ids -> {
                        String self = "/v1/events/" + access.eventId();
                        return new Document(ids.stream().map(id -> new ResourceIdentifier(rules.type().type(),
                                String.valueOf(id))).toList(), null, null, Renderer.links(self, collection),
                                JsonApi.VERSION);
                    });
                }));
    }

    /** {@code GET /v1/<collection>/<id>/<relationship>}: the related resource or a page of related resources. */
    public <E extends ResourceEntity> Uni<Document> related(ApiRequest request, String type, String rawId,
                                                            String name) {
        ResourceRules<E> rules = registry.rules(type);
        Relationship<E> relationship = servedHere(relationshipOf(rules, name));
        return Panache.withSession(() -> resolveId(request, rules, rawId).flatMap(id -> visible(request, rules, id,
                (a, e) -> true)).flatMap(found -> {
            Access access = found.access();
            String self = rules.type().selfLink(found.entity().id()) + "/" + relationship.name();
            if (relationship.source() == Relationship.Source.EMPTY || !relationship.visible(access)) {
                Graph graph = new Graph(request, access);
                return Uni.createFrom().item(relationship.toMany()
                        ? new Assembly(List.of(), graph, emptyList(self))
                        : new Assembly(null, graph, Document.nullData(self)));
            }
            if (registry.isLocal(relationship.targetType()) && relationship.hasJoin()) {
                return localRelated(request, rules, found, relationship, self);
            }
            return remoteRelated(request, found, relationship, self);
        })).flatMap(this::finish);
    }

    /** {@code GET /v1/<collection>/<id>/relationships/<relationship>}: the linkage alone. */
    public <E extends ResourceEntity> Uni<Document> linkage(ApiRequest request, String type, String rawId,
                                                            String name) {
        ResourceRules<E> rules = registry.rules(type);
        Relationship<E> relationship = servedHere(relationshipOf(rules, name));
        return Panache.withSession(() -> resolveId(request, rules, rawId).flatMap(id -> visible(request, rules, id,
                        (a, e) -> true))
                .flatMap(found -> currentLinkage(request, rules, found, relationship)
                        .map(ids -> linkageDocument(rules, found.entity().id(), relationship, ids))));
    }

    /** Service-to-service: the given resources of a local type as the forwarded caller may see them. */
    public <E extends ResourceEntity> Uni<Document> byIds(ApiRequest request, String type, List<Long> ids) {
        ResourceRules<E> rules = registry.rules(type);
        Graph graph = new Graph(request, Access.global(request.caller()));
        IncludeTree tree = request.include();
        return Panache.withSession(() -> includes.load(graph, rules, ids, tree).map(found -> {
            List<Object> data = new ArrayList<>();
            for (Long id : ids) {
                Object resource = found.contains(id) ? graph.included.remove(rules.type().type() + ":" + id) : null;
                if (resource != null) {
                    data.add(resource);
                }
            }
            return new Assembly(data, graph, null);
        })).flatMap(this::finish);
    }

    /** Service-to-service: the children of a collection under several events, each with its event linkage. */
    public <E extends ResourceEntity> Uni<Document> childrenOfEvents(ApiRequest request, String collection,
                                                                     List<Long> eventIds) {
        ResourceRules<E> rules = this.<E>registeredCollection(collection);
        if (!rules.type().eventChild() || eventIds.isEmpty()) {
            throw ApiException.notFound("Route");
        }
        IncludeTree tree = request.include();
        return Panache.withSession(() -> resolver.forEvents(request.caller(), eventIds).flatMap(accessByEvent -> {
            List<Long> visibleEvents = accessByEvent.values().stream().filter(Access::eventVisible)
                    .map(Access::eventId).toList();
            Graph graph = new Graph(request, Access.global(request.caller()));
            graph.accessByEvent.putAll(accessByEvent);
            if (visibleEvents.isEmpty()) {
                return Uni.createFrom().item(new Assembly(List.of(), graph, null));
            }
            Binder binder = new Binder();
            String hql = "from " + rules.type().entityName() + " " + ALIAS + " where " + ALIAS + ".eventId in "
                    + binder.apply(visibleEvents) + Queries.liveAndVisible(rules, Access.global(request.caller()),
                    ALIAS, binder, false) + " order by " + orderOf(rules);
            return select(rules, hql, binder, 0, org.openevent.common.jsonapi.PageRequest.MAX_UNPAGED).flatMap(rows -> {
                Map<Long, ResourceObject> rendered = new LinkedHashMap<>();
                List<E> shown = new ArrayList<>();
                for (E row : rows) {
                    Access access = accessByEvent.get(rules.type().eventOf(row));
                    if (rules.canSee(access, row)) {
                        shown.add(row);
                        ResourceObject resource = renderer.render(rules, row, access, graph.fields);
                        Includes.link(resource, rules.type().relationship("event").orElseThrow(),
                                List.of(rules.type().eventOf(row)));
                        rendered.put(row.id(), resource);
                    }
                }
                return includes.expand(graph, rules, shown, rendered, tree)
                        .replaceWith(new Assembly(new ArrayList<>(rendered.values()), graph, null));
            });
        })).flatMap(this::finish);
    }

    // ================================================================== writes

    /** {@code POST /v1/<collection>}: the created resource. */
    public <E extends ResourceEntity> Uni<Document> create(ApiRequest request, String type, byte[] body) {
        ResourceRules<E> rules = registry.rules(type);
        Changes<E> changes = WriteDocuments.read(body, rules.type(), true);
        Predicate<Access> allowed = a -> passes(() -> rules.checkCreate(a, changes));
        Uni<Access> access = rules.type().eventChild()
                ? Panache.withSession(() -> eventOfNew(rules, changes).flatMap(eventId -> eventId == null
                        ? Uni.createFrom().item(new Access(request.caller(), null, Set.of()))
                        : resolver.forEvent(request.caller(), eventId, a -> a.eventVisible() && allowed.test(a))))
                : Uni.createFrom().item(Access.global(request.caller()));
        return access.flatMap(granted -> {
            if (rules.type().eventChild() && !granted.eventVisible()) {
                request.caller().requireUser();
                String parent = rules.type().eventParent();
                if (parent != null && changes.toOne("event") == null && changes.hasRelationship(parent)) {
                    Relationship<E> via = rules.type().relationship(parent).orElseThrow();
                    throw ApiException.relationship(parent, "No such " + via.targetType() + ".");
                }
                throw ApiException.relationship("event", changes.toOne("event") == null
                        ? "A valid relationship with event resource is required" : "Event not found.");
            }
            rules.adjust(granted, null, changes);
            rules.checkCreate(granted, changes);
            enforceWritable(rules, granted, changes);
            return rules.beforeTransaction(granted, null, changes).flatMap(ready -> Transactions.run(() -> {
                E entity = rules.type().newEntity();
                if (entity instanceof EventChildEntity child) {
                    child.assignEvent(granted.eventId());
                }
                return rules.validate(granted, entity, changes)
                        .flatMap(ignored -> checkTargets(rules, entity, changes, granted))
                        .flatMap(ignored -> {
                            changes.applyTo(entity);
                            setKeys(rules, entity, changes);
                            rules.prepare(granted, entity, changes);
                            entity.created(now());
                            return entity.persistAndFlush();
                        })
                        .flatMap(ignored -> writeToMany(rules, entity, changes))
                        .flatMap(ignored -> rules.saved(granted, entity, ResourceRules.Change.CREATED))
                        .replaceWith(() -> document(rules, entity, granted));
            }));
        });
    }

    /** {@code PATCH /v1/<collection>/<id>}: explicit nulls clear, absent attributes stay. */
    public <E extends ResourceEntity> Uni<Document> update(ApiRequest request, String type, String rawId,
                                                           byte[] body) {
        ResourceRules<E> rules = registry.rules(type);
        Changes<E> changes = WriteDocuments.read(body, rules.type(), false);
        return Panache.withSession(() -> resolveId(request, rules, rawId)).flatMap(id -> {
            WriteDocuments.checkId(changes.bodyId(), id);
            return change(request, rules, id, changes);
        });
    }

    /** Changes a resource found by another route (e.g. an event addressed by its identifier). */
    public <E extends ResourceEntity> Uni<Document> change(ApiRequest request, ResourceRules<E> rules, long id,
                                                           Changes<E> changes) {
        request.caller().requireUser();
        return Panache.withSession(() -> visible(request, rules, id,
                        (a, e) -> passes(() -> rules.checkUpdate(a, e, changes))))
                .flatMap(found -> {
                    rules.adjust(found.access(), found.entity(), changes);
                    rules.checkUpdate(found.access(), found.entity(), changes);
                    enforceWritable(rules, found.access(), changes);
                    return precondition(request, rules, found)
                            .flatMap(ignored -> rules.beforeTransaction(found.access(), found.entity(), changes))
                            .replaceWith(found.access());
                })
                .flatMap(access -> Transactions.run(() -> locked(request, rules, id).flatMap(entity -> {
                    rules.checkUpdate(access, entity, changes);
                    if (changes.hasRelationship("event") && rules.type().eventChild()
                            && !java.util.Objects.equals(changes.toOne("event"), ((EventChildEntity) entity).eventId())) {
                        throw ApiException.relationship("event", "A resource cannot move to another event.");
                    }
                    return rules.validate(access, entity, changes)
                            .flatMap(ignored -> checkTargets(rules, entity, changes, access))
                            .flatMap(ignored -> {
                                changes.applyTo(entity);
                                setKeys(rules, entity, changes);
                                rules.prepare(access, entity, changes);
                                entity.changed();
                                return writeToMany(rules, entity, changes);
                            })
                            .flatMap(ignored -> rules.saved(access, entity, ResourceRules.Change.UPDATED))
                            .replaceWith(() -> document(rules, entity, access));
                })));
    }

    /** {@code DELETE /v1/<collection>/<id>}: a soft delete, or with {@code permanent=true} (admins) removal. */
    public <E extends ResourceEntity> Uni<Document> delete(ApiRequest request, String type, String rawId) {
        ResourceRules<E> rules = registry.rules(type);
        return Panache.withSession(() -> resolveId(request, rules, rawId)).flatMap(id -> remove(request, rules, id));
    }

    /** Deletes a resource found by another route. */
    public <E extends ResourceEntity> Uni<Document> remove(ApiRequest request, ResourceRules<E> rules, long id) {
        request.caller().requireUser();
        boolean permanent = "true".equalsIgnoreCase(request.parameter("permanent")) || !rules.type().softDelete();
        if (permanent && rules.type().softDelete()) {
            request.caller().requireAdmin();
            if (!rules.type().permanentDelete()) {
                throw ApiException.forbidden("A " + label(rules).toLowerCase() + " cannot be deleted permanently.");
            }
        }
        return Panache.withSession(() -> visible(request, rules, id,
                        (a, e) -> passes(() -> rules.checkDelete(a, e))))
                .flatMap(found -> {
                    rules.checkDelete(found.access(), found.entity());
                    return precondition(request, rules, found).replaceWith(found.access());
                })
                .flatMap(access -> Transactions.run(() -> locked(request, rules, id).flatMap(entity -> {
                    rules.checkDelete(access, entity);
                    if (permanent) {
                        return rules.saved(access, entity, ResourceRules.Change.REMOVED)
                                .flatMap(ignored -> entity.delete());
                    }
                    entity.softDelete(now());
                    entity.changed();
                    return rules.saved(access, entity, ResourceRules.Change.DELETED);
                })))
                .replaceWith(Document.metaOnly(Map.of("message", "Object successfully deleted")));
    }

    /** How a relationship route changes linkage. */
    public enum LinkageChange { REPLACE, ADD, REMOVE }

    /** {@code PATCH|POST|DELETE /v1/<collection>/<id>/relationships/<relationship>}: the new linkage. */
    public <E extends ResourceEntity> Uni<Document> changeLinkage(ApiRequest request, String type, String rawId,
                                                                  String name, byte[] body, LinkageChange how) {
        ResourceRules<E> rules = registry.rules(type);
        Relationship<E> relationship = relationshipOf(rules, name);
        // Like every other write: an anonymous caller learns that it must sign in, nothing about the resource.
        request.caller().requireUser();
        if (!relationship.writable()) {
            throw ApiException.forbidden("The relationship '" + relationship.name() + "' cannot be changed here.");
        }
        if (how != LinkageChange.REPLACE && !relationship.toMany() && how == LinkageChange.ADD) {
            throw ApiException.forbidden("Members can only be added to a to-many relationship.");
        }
        Object given = WriteDocuments.linkage(WriteDocuments.json(body), relationship);
        return Panache.withSession(() -> resolveId(request, rules, rawId).flatMap(id -> visible(request, rules, id,
                        (a, e) -> true))
                .flatMap(found -> currentLinkage(request, rules, found, relationship)
                        .map(current -> new Object[] {found.entity().id(), current})))
                .flatMap(pair -> {
                    long id = (Long) pair[0];
                    @SuppressWarnings("unchecked")
                    List<Long> current = (List<Long>) pair[1];
                    Object next = switch (how) {
                        case REPLACE -> given;
                        case ADD -> {
                            Set<Long> union = new LinkedHashSet<>(current);
                            union.addAll(castIds(given));
                            yield new ArrayList<>(union);
                        }
                        case REMOVE -> relationship.toMany()
                                ? current.stream().filter(existing -> !castIds(given).contains(existing)).toList()
                                : null;
                    };
                    return change(request, rules, id, Changes.ofRelationship(rules.type(), relationship.name(), next));
                })
                .flatMap(ignored -> linkage(request, type, rawId, name));
    }

    // ================================================================== pieces

    /**
     * The event a new child joins: the one the client names, or for types declared with
     * {@code childOfEventVia} the event of the (first) live row the parent relationship links; null when unknown.
     */
    private <E extends ResourceEntity> Uni<Long> eventOfNew(ResourceRules<E> rules, Changes<E> changes) {
        String parent = rules.type().eventParent();
        if (parent == null || changes.toOne("event") != null) {
            return Uni.createFrom().item(changes.toOne("event"));
        }
        Relationship<E> via = rules.type().relationship(parent).orElseThrow();
        List<Long> ids = via.toMany() ? changes.toMany(parent).orElse(List.of())
                : changes.toOne(parent) == null ? List.of() : List.of(changes.toOne(parent));
        ResourceRules<?> target = registry.find(via.targetType()).orElse(null);
        if (ids.isEmpty() || target == null || !target.type().eventChild()) {
            return Uni.createFrom().nullItem();
        }
        String hql = "select t.eventId from " + target.type().entityName() + " t where t.id = :id"
                + (target.type().softDelete() ? " and t.deletedAt is null" : "");
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(hql, Long.class)
                .setParameter("id", ids.get(0)).getSingleResultOrNull());
    }

    /** Sparse fieldsets naming a type served here must name its attributes and relationships (400 otherwise). */
    private void checkFields(ApiRequest request) {
        Fieldsets fields = request.fields();
        fields.byType().keySet().forEach(type -> registry.find(type).ifPresent(rules -> fields.check(rules.type())));
    }

    /** The numeric id a path segment names: itself, or the row whose alternate key it is; 404 otherwise. */
    private <E extends ResourceEntity> Uni<Long> resolveId(ApiRequest request, ResourceRules<E> rules, String raw) {
        if (rules.readersMustSignIn()) {
            request.caller().requireUser();
        }
        if (Ids.isId(raw)) {
            return Uni.createFrom().item(Long.parseLong(raw));
        }
        String key = rules.type().alternateKey();
        if (key == null || raw == null || !raw.matches("[A-Za-z0-9_-]{1,64}")) {
            return Uni.createFrom().failure(ApiException.notFound(label(rules)));
        }
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("select x.id from "
                        + rules.type().entityName() + " x where x." + key + " = :key", Long.class)
                .setParameter("key", raw).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ApiException.notFound(label(rules)));
    }

    /** A visible row and the access it was judged with; 404 (never 403) for what the caller may not see. */
    private <E extends ResourceEntity> Uni<Found<E>> visible(ApiRequest request, ResourceRules<E> rules, long id,
                                                             java.util.function.BiPredicate<Access, E> alsoWanted) {
        return Panache.getSession().flatMap(session -> session.find(rules.type().entityClass(), id)).flatMap(entity -> {
            if (entity == null || (entity.isDeleted() && !request.trashed())) {
                throw ApiException.notFound(label(rules));
            }
            if (!rules.type().eventScoped()) {
                Access access = Access.global(request.caller());
                if (!rules.canSee(access, entity)) {
                    throw ApiException.notFound(label(rules));
                }
                return Uni.createFrom().item(new Found<>(entity, access));
            }
            long eventId = rules.type().eventOf(entity);
            boolean trashed = request.trashed();
            return resolver.forEvent(request.caller(), eventId,
                            a -> (a.eventVisible() || trashed) && rules.canSee(a, entity) && alsoWanted.test(a, entity))
                    .map(access -> {
                        if (access.event() == null || !(access.eventVisible() || trashed) || !rules.canSee(access, entity)) {
                            throw ApiException.notFound(label(rules));
                        }
                        return new Found<>(entity, access);
                    });
        });
    }

    private <E extends ResourceEntity> Uni<E> locked(ApiRequest request, ResourceRules<E> rules, long id) {
        return Panache.getSession()
                .flatMap(session -> session.find(rules.type().entityClass(), id, LockModeType.PESSIMISTIC_WRITE))
                .map(entity -> {
                    if (entity == null || (entity.isDeleted() && !request.trashed())) {
                        throw ApiException.notFound(label(rules));
                    }
                    return entity;
                });
    }

    /** 412 when {@code If-Match} does not name the resource as this caller reads it now. */
    private <E extends ResourceEntity> Uni<Void> precondition(ApiRequest request, ResourceRules<E> rules,
                                                              Found<E> found) {
        if (request.ifMatch() == null || request.ifMatch().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        String current = tags.tag(Document.single(renderer.render(rules, found.entity(), found.access(),
                Fieldsets.ALL)));
        if (!EntityTags.matches(request.ifMatch(), current)) {
            throw ApiException.preconditionFailed();
        }
        return Uni.createFrom().voidItem();
    }

    /** One page of rows matching {@code where} (alias {@code x}), rendered with its includes. */
    private <E extends ResourceEntity> Uni<Assembly> page(ApiRequest request, ResourceRules<E> rules, Access scope,
                                                          String where, Binder binder, String self) {
        checkFields(request);
        IncludeTree tree = request.include();
        ListQuery query = ListQuery.parse(request.query(), rules.type().fields(registry), ALIAS, orderOf(rules),
                registry.restrictions(scope));
        String base = "from " + rules.type().entityName() + " " + ALIAS + " where " + where
                + Queries.liveAndVisible(rules, scope, ALIAS, binder, request.trashed())
                + " and " + query.where().clause();
        binder.parameters().putAll(query.where().parameters());
        int offset = query.page().offset();
        return select(rules, base + " order by " + query.orderBy(), binder, offset, query.page().limit())
                .flatMap(rows -> count(base, binder).flatMap(total -> {
                    Graph graph = new Graph(request, scope);
                    return includes.accessFor(graph, rules, rows).flatMap(accessById -> {
                        Map<Long, ResourceObject> rendered = new LinkedHashMap<>();
                        List<E> shown = new ArrayList<>();
                        for (E row : rows) {
                            Access access = accessById.get(row.id());
                            if (access != null) {
                                shown.add(row);
                                rendered.put(row.id(), renderer.render(rules, row, access, graph.fields));
                            }
                        }
                        return includes.expand(graph, rules, shown, rendered, tree).replaceWith(new Assembly(
                                new ArrayList<>(rendered.values()), graph, new ListInfo(query, total, self)));
                    });
                }));
    }

    private <E extends ResourceEntity> Uni<List<E>> select(ResourceRules<E> rules, String hql, Binder binder,
                                                           int offset, int limit) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createSelectionQuery(hql, rules.type().entityClass());
            binder.parameters().forEach(query::setParameter);
            return query.setFirstResult(offset).setMaxResults(limit).getResultList();
        });
    }

    private static Uni<Long> count(String base, Binder binder) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createSelectionQuery("select count(*) " + base, Long.class);
            binder.parameters().forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    private <E extends ResourceEntity> Uni<List<E>> reload(ResourceRules<E> rules, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Binder binder = new Binder();
        return select(rules, "from " + rules.type().entityName() + " " + ALIAS + " where " + ALIAS + ".id in "
                + binder.apply(ids) + " order by " + ALIAS + ".id", binder, 0, ids.size());
    }

    private <E extends ResourceEntity, T extends ResourceEntity> Uni<Assembly> localRelated(
            ApiRequest request, ResourceRules<E> rules, Found<E> owner, Relationship<E> relationship, String self) {
        ResourceRules<T> target = registry.rules(relationship.targetType());
        Binder binder = new Binder();
        String where = "exists (select 1 from " + rules.type().entityName() + " o where o.id = "
                + binder.apply(owner.entity().id()) + " and " + relationship.join("o", ALIAS, binder, request.caller()) + ")";
        Access scope = target.type().eventScoped() && owner.access().event() != null ? owner.access()
                : Access.global(request.caller());
        if (relationship.toMany()) {
            return page(request, target, scope, where, binder, self);
        }
        Graph graph = new Graph(request, scope);
        String hql = "select " + ALIAS + ".id from " + target.type().entityName() + " " + ALIAS + " where " + where
                + Queries.liveAndReferenced(target, scope, ALIAS, binder);
        return Panache.getSession().flatMap(session -> {
                    var query = session.createSelectionQuery(hql, Long.class);
                    binder.parameters().forEach(query::setParameter);
                    return query.setMaxResults(1).getResultList();
                })
                .flatMap(ids -> includes.load(graph, target, ids, request.include()).map(found -> {
                    Object primary = found.isEmpty() ? null
                            : graph.included.remove(target.type().type() + ":" + found.iterator().next());
                    return new Assembly(primary, graph, primary == null ? Document.nullData(self) : null);
                }));
    }

    private <E extends ResourceEntity> Uni<Assembly> remoteRelated(ApiRequest request, Found<E> owner,
                                                                   Relationship<E> relationship, String self) {
        if (relationship.remoteChildren() != null) {
            Graph graph = new Graph(request, owner.access());
            graph.remote.add(new Graph.PendingRemote(relationship.targetType(), List.of(owner.entity().id()),
                    request.include(), relationship.remoteChildren(), document -> {
                    }));
            return Uni.createFrom().item(new Assembly(new ArrayList<>(), graph, emptyList(self),
                    relationship.targetType()));
        }
        Uni<List<Long>> ids = relationship.remoteIds != null
                ? relationship.remoteIds.of(List.of(owner.entity())).map(map -> map.getOrDefault(owner.entity().id(),
                        List.of()))
                : Uni.createFrom().item(relationship.foreignKey(owner.entity()) == null ? List.of()
                        : List.of(relationship.foreignKey(owner.entity())));
        return ids.map(found -> {
            Graph graph = new Graph(request, owner.access());
            List<Object> data = new ArrayList<>();
            graph.remote.add(new Graph.PendingRemote(relationship.targetType(), found, request.include(), null,
                    document -> {
                    }));
            return new Assembly(relationship.toMany() ? data : null, graph,
                    relationship.toMany() ? emptyList(self) : Document.nullData(self), relationship.targetType());
        });
    }

    /** The ids currently linked, as the caller may see them. */
    private <E extends ResourceEntity> Uni<List<Long>> currentLinkage(ApiRequest request, ResourceRules<E> rules,
                                                                      Found<E> found, Relationship<E> relationship) {
        if (relationship.source() == Relationship.Source.EMPTY || !relationship.visible(found.access())) {
            return Uni.createFrom().item(List.of());
        }
        if (!registry.isLocal(relationship.targetType()) || !relationship.hasJoin()) {
            if (relationship.remoteIds != null) {
                return relationship.remoteIds.of(List.of(found.entity()))
                        .map(map -> map.getOrDefault(found.entity().id(), List.of()));
            }
            Long key = relationship.foreignKey(found.entity());
            return Uni.createFrom().item(key == null ? List.of() : List.of(key));
        }
        ResourceRules<?> target = registry.rules(relationship.targetType());
        Binder binder = new Binder();
        String hql = "select t.id from " + rules.type().entityName() + " o, " + target.type().entityName()
                + " t where o.id = " + binder.apply(found.entity().id()) + " and "
                + relationship.join("o", "t", binder, request.caller())
                + Queries.liveAndVisible(target, found.access(), "t", binder, false) + " order by t.id";
        return Panache.getSession().flatMap(session -> {
            var query = session.createSelectionQuery(hql, Long.class);
            binder.parameters().forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static <E extends ResourceEntity> Document linkageDocument(ResourceRules<E> rules, long id,
                                                                     Relationship<E> relationship, List<Long> ids) {
        String self = rules.type().selfLink(id);
        Object data = relationship.toMany()
                ? ids.stream().map(target -> new ResourceIdentifier(relationship.targetType(), String.valueOf(target)))
                        .toList()
                : ids.isEmpty() ? org.openevent.common.jsonapi.Relationship.NULL_DATA
                : new ResourceIdentifier(relationship.targetType(), String.valueOf(ids.get(0)));
        return new Document(data, null, null, Renderer.links(self, relationship.name()), JsonApi.VERSION);
    }

    /**
     * Checks that every related resource the write names exists (not deleted, and in the same event where that
     * matters): one statement for all relationships, each counting its matches under its own tag.
     */
    private <E extends ResourceEntity> Uni<Void> checkTargets(ResourceRules<E> rules, E entity, Changes<E> changes,
                                                              Access access) {
        Binder binder = new Binder();
        List<String> counts = new ArrayList<>();
        List<Relationship<E>> checked = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (Relationship<E> relationship : rules.type().relationships()) {
            if (!changes.hasRelationship(relationship.name()) || relationship.name().equals("event")
                    && rules.type().eventChild()) {
                continue;
            }
            List<Long> ids = relationship.toMany() ? changes.toMany(relationship.name()).orElse(List.of())
                    : changes.toOne(relationship.name()) == null ? List.of() : List.of(changes.toOne(relationship.name()));
            if (ids.isEmpty()) {
                continue;
            }
            ResourceRules<?> target = registry.find(relationship.targetType()).orElse(null);
            if (target == null) {
                throw ApiException.relationship(relationship.name(), "This relationship cannot be set here.");
            }
            Set<Long> distinct = Set.copyOf(ids);
            StringBuilder hql = new StringBuilder("select " + checked.size() + ", count(*) from "
                    + target.type().entityName() + " t where t.id in " + binder.apply(distinct));
            if (target.type().softDelete()) {
                hql.append(" and t.deletedAt is null");
            }
            if (target.type().eventChild() && access.event() != null && rules.type().eventScoped()) {
                hql.append(" and t.eventId = ").append(binder.apply(access.eventId()));
            }
            counts.add(hql.toString());
            checked.add(relationship);
            expected.add(distinct.size());
        }
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> {
            var query = session.createSelectionQuery(String.join(" union all ", counts), Object[].class);
            binder.parameters().forEach(query::setParameter);
            return query.getResultList();
        }).invoke(rows -> {
            long[] found = new long[checked.size()];
            for (Object[] row : rows) {
                found[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
            }
            for (int tag = 0; tag < found.length; tag++) {
                if (found[tag] != expected.get(tag)) {
                    Relationship<E> relationship = checked.get(tag);
                    throw ApiException.relationship(relationship.name(), "No such " + relationship.targetType()
                            + (access.event() != null ? " in this event." : "."));
                }
            }
        }).replaceWithVoid();
    }

    private static <E extends ResourceEntity> void setKeys(ResourceRules<E> rules, E entity, Changes<E> changes) {
        for (Relationship<E> relationship : rules.type().relationships()) {
            if (!relationship.toMany() && relationship.foreignKeySetter != null
                    && changes.hasRelationship(relationship.name())) {
                relationship.foreignKeySetter.accept(entity, changes.toOne(relationship.name()));
            }
        }
    }

    private static <E extends ResourceEntity> Uni<Void> writeToMany(ResourceRules<E> rules, E entity,
                                                                   Changes<E> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Relationship<E> relationship : rules.type().relationships()) {
            if (relationship.toMany() && relationship.writable()) {
                java.util.Optional<List<Long>> ids = changes.toMany(relationship.name());
                if (ids.isPresent()) {
                    chain = chain.flatMap(ignored -> rules.replaceMembers(entity, relationship.name(), ids.get()));
                }
            }
        }
        return chain;
    }

    /** Applies the per-attribute write permissions: a 403 at the attribute, or the value silently dropped. */
    private static <E extends ResourceEntity> void enforceWritable(ResourceRules<E> rules, Access access,
                                                                   Changes<E> changes) {
        for (String name : changes.attributes()) {
            Attribute<E> attribute = rules.type().attribute(name).orElseThrow();
            if (attribute.writableBy != null && !attribute.writableBy.test(access)) {
                if (attribute.silentlyIgnoredWhenNotWritable) {
                    changes.remove(name);
                } else {
                    throw ApiException.forbiddenAttribute(name, "You are not allowed to change " + name + ".");
                }
            }
        }
    }

    private <E extends ResourceEntity> Document document(ResourceRules<E> rules, E entity, Access access) {
        return Document.single(renderer.render(rules, entity, access, Fieldsets.ALL));
    }

    /** Makes the remote fetches (in parallel, outside any session) and builds the final document. */
    private Uni<Document> finish(Assembly assembly) {
        Graph graph = assembly.graph();
        List<Uni<Void>> calls = new ArrayList<>();
        for (Graph.PendingRemote pending : graph.remote) {
            if (pending.ids().isEmpty()) {
                pending.linker().accept(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
                continue;
            }
            String include = pending.subtree().toParameter();
            Uni<RemoteDocument> call = pending.childrenOf() != null
                    ? remote.eventChildrenDocument(pending.childrenOf(), pending.type(), pending.ids(), include,
                            graph.fields, graph.request.authorization())
                    : remote.byIdsDocument(pending.type(), pending.ids(), include, graph.fields,
                            graph.request.authorization());
            calls.add(call.invoke(document -> {
                for (RemoteDocument.Resource resource : document.data()) {
                    if (assembly.remotePrimaryType() != null) {
                        assembly.remotePrimaries().add(resource);
                    } else {
                        graph.include(resource);
                    }
                }
                document.included().forEach(graph::include);
                pending.linker().accept(document.linkage());
            }).replaceWithVoid());
        }
        Uni<Void> fetched = calls.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(calls).andFailFast()
                .replaceWithVoid();
        return fetched.map(ignored -> assembly.toDocument());
    }

    private <E extends ResourceEntity> ResourceRules<E> registeredCollection(String collection) {
        return registry.<E>byCollection(collection).orElseThrow(() -> ApiException.notFound("Route"));
    }

    private static <E extends ResourceEntity> Relationship<E> relationshipOf(ResourceRules<E> rules, String name) {
        return rules.type().relationship(name).orElseThrow(() -> ApiException.notFound("Relationship"));
    }

    /** A 404 Route for relationships whose routes another service serves. */
    private static <E extends ResourceEntity> Relationship<E> servedHere(Relationship<E> relationship) {
        if (relationship.source() == Relationship.Source.ELSEWHERE) {
            throw ApiException.notFound("Route");
        }
        return relationship;
    }

    private static String orderOf(ResourceRules<?> rules) {
        return rules.type().defaultOrder() == null ? ALIAS + ".id asc" : rules.type().defaultOrder();
    }

    /** Access to the event a path names; the same 404 for an unknown event and one the caller may not see. */
    private Uni<Access> visibleEvent(ApiRequest request, String reference) {
        return resolver.forEvent(request.caller(), reference, Access::eventVisible).map(access -> {
            if (!access.eventVisible()) {
                throw eventNotFound(reference);
            }
            return access;
        });
    }

    private static ApiException eventNotFound(String reference) {
        return new ApiException(404, "Not Found", "Event not found.", null,
                Ids.isId(reference) ? "event_id" : "event_identifier");
    }

    private static String label(ResourceRules<?> rules) {
        String type = rules.type().type().replace('-', ' ');
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static Document emptyList(String self) {
        return new Document(List.of(), null, Map.of("count", 0), Map.of("self", self), JsonApi.VERSION);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> castIds(Object linkage) {
        return linkage instanceof List<?> list ? (List<Long>) list : linkage == null ? List.of()
                : List.of((Long) linkage);
    }

    private static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A row found visible, and the access it was judged with. */
    record Found<E>(E entity, Access access) {
    }

    /** The paging facts of a list answer. */
    record ListInfo(ListQuery query, long total, String self) {
    }

    /** The primary data (resource, list, or remote ones still to come), the graph, and list or empty facts. */
    static final class Assembly {

        private final Object primary;
        private final Graph graph;
        private final Object shape;
        private final String remotePrimaryType;
        private final List<RemoteDocument.Resource> remotePrimaries = new ArrayList<>();

        Assembly(Object primary, Graph graph, Object shape) {
            this(primary, graph, shape, null);
        }

        Assembly(Object primary, Graph graph, Object shape, String remotePrimaryType) {
            this.primary = primary;
            this.graph = graph;
            this.shape = shape;
            this.remotePrimaryType = remotePrimaryType;
        }

        Graph graph() {
            return graph;
        }

        String remotePrimaryType() {
            return remotePrimaryType;
        }

        List<RemoteDocument.Resource> remotePrimaries() {
            return remotePrimaries;
        }

        Document toDocument() {
            List<Object> included = graph.includedList();
            Object includedOrNull = included.isEmpty() ? null : included;
            if (remotePrimaryType != null) {
                Document empty = (Document) shape;
                if (empty.data() instanceof List<?>) {
                    List<Object> data = new ArrayList<>(remotePrimaries);
                    return new Document(data, (List<?>) includedOrNull, Map.of("count", data.size()), empty.links(),
                            JsonApi.VERSION);
                }
                return remotePrimaries.isEmpty() ? empty
                        : new Document(remotePrimaries.get(0), (List<?>) includedOrNull, null, empty.links(),
                        JsonApi.VERSION);
            }
            if (shape instanceof ListInfo list) {
                return list.query().document(castResources(primary), (List<?>) includedOrNull, list.total(),
                        list.self());
            }
            if (shape instanceof Document fixed) {
                return fixed;
            }
            if (primary instanceof ResourceObject resource) {
                return new Document(resource, (List<?>) includedOrNull, null, Map.of("self", resource.links().get("self")),
                        JsonApi.VERSION);
            }
            return new Document(primary, (List<?>) includedOrNull, null, null, JsonApi.VERSION);
        }

        @SuppressWarnings("unchecked")
        private static List<ResourceObject> castResources(Object primary) {
            return (List<ResourceObject>) primary;
        }
    }
}
