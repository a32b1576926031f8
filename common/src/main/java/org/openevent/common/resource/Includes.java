package org.openevent.common.resource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ResourceIdentifier;
import org.openevent.common.jsonapi.ResourceObject;

/**
 * Expands {@code include} for a page of rendered rows: for every relationship path, one query for the linkage of
 * the whole page and one for the targets (or one call to the owning service), recursively. The number of
 * statements depends on the include paths, never on the number of rows.
 */
final class Includes {

    private final ResourceRegistry registry;
    private final AccessResolver resolver;
    private final Renderer renderer;

    Includes(ResourceRegistry registry, AccessResolver resolver, Renderer renderer) {
        this.registry = registry;
        this.resolver = resolver;
        this.renderer = renderer;
    }

    /** Sets linkage on {@code rendered} (id → resource) for every path of {@code tree} and collects targets. */
    <E extends ResourceEntity> Uni<Void> expand(Graph graph, ResourceRules<E> rules, List<E> rows,
                                                Map<Long, ResourceObject> rendered, IncludeTree tree) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, IncludeTree> path : tree.children().entrySet()) {
            Relationship<E> relationship = rules.type().relationship(path.getKey()).orElseThrow(() ->
                    ApiException.badRequest(IncludeTree.PARAMETER, "'" + path.getKey()
                            + "' is not a relationship of " + rules.type().type() + "."));
            chain = chain.flatMap(ignored -> one(graph, rules, rows, rendered, relationship, path.getValue()));
        }
        return chain;
    }

    private <E extends ResourceEntity> Uni<Void> one(Graph graph, ResourceRules<E> rules, List<E> rows,
                                                     Map<Long, ResourceObject> rendered,
                                                     Relationship<E> relationship, IncludeTree subtree) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (relationship.source() == Relationship.Source.ELSEWHERE) {
            throw ApiException.badRequest(IncludeTree.PARAMETER, "'" + relationship.name()
                    + "' cannot be included on " + rules.type().type() + "; follow its related link.");
        }
        if (relationship.source() == Relationship.Source.EMPTY || !relationship.visible(graph.scope)) {
            rendered.values().forEach(resource -> link(resource, relationship, List.of()));
            return Uni.createFrom().voidItem();
        }
        boolean local = registry.isLocal(relationship.targetType());
        if (local && relationship.hasJoin()) {
            return local(graph, rules, rows, rendered, relationship, subtree);
        }
        if (relationship.remoteChildren() != null) {
            graph.remote.add(new Graph.PendingRemote(relationship.targetType(), List.copyOf(rendered.keySet()),
                    subtree, relationship.remoteChildren(), document -> {
                        Map<Long, List<Long>> idsByOwner = new HashMap<>();
                        for (com.fasterxml.jackson.databind.JsonNode child : document.path("data")) {
                            long owner = child.path("relationships").path("event").path("data").path("id").asLong();
                            idsByOwner.computeIfAbsent(owner, id -> new ArrayList<>()).add(child.path("id").asLong());
                        }
                        rendered.forEach((ownerId, resource) ->
                                link(resource, relationship, idsByOwner.getOrDefault(ownerId, List.of())));
                    }));
            return Uni.createFrom().voidItem();
        }
        return remoteIds(rows, relationship)
                .invoke(idsByOwner -> {
                    Set<Long> all = new LinkedHashSet<>();
                    idsByOwner.values().forEach(all::addAll);
                    graph.remote.add(new Graph.PendingRemote(relationship.targetType(), List.copyOf(all), subtree,
                            null, document -> {
                                Set<Long> returned = returnedIds(document);
                                rendered.forEach((ownerId, resource) -> link(resource, relationship,
                                        idsByOwner.getOrDefault(ownerId, List.of()).stream()
                                                .filter(returned::contains).toList()));
                            }));
                })
                .replaceWithVoid();
    }

    /** The ids of the primary resources of another service's document. */
    static Set<Long> returnedIds(com.fasterxml.jackson.databind.JsonNode document) {
        Set<Long> ids = new HashSet<>();
        document.path("data").forEach(resource -> ids.add(resource.path("id").asLong()));
        return ids;
    }

    private <E extends ResourceEntity, T extends ResourceEntity> Uni<Void> local(
            Graph graph, ResourceRules<E> rules, List<E> rows, Map<Long, ResourceObject> rendered,
            Relationship<E> relationship, IncludeTree subtree) {
        ResourceRules<T> target = registry.rules(relationship.targetType());
        Binder binder = new Binder();
        List<Long> ownerIds = rows.stream().map(ResourceEntity::id).toList();
        String hql = "select o.id, t.id from " + rules.type().entityName() + " o, " + target.type().entityName()
                + " t where o.id in " + binder.apply(ownerIds) + " and "
                + relationship.join("o", "t", binder, graph.request.caller())
                + Queries.liveAndReferenced(target, graph.scope, "t", binder) + " order by o.id, t.id";
        return Panache.getSession()
                .flatMap(session -> {
                    var query = session.createSelectionQuery(hql, Object[].class);
                    binder.parameters().forEach(query::setParameter);
                    return query.getResultList();
                })
                .flatMap(pairs -> {
                    Map<Long, List<Long>> idsByOwner = new LinkedHashMap<>();
                    Set<Long> targetIds = new LinkedHashSet<>();
                    for (Object[] pair : pairs) {
                        idsByOwner.computeIfAbsent((Long) pair[0], id -> new ArrayList<>()).add((Long) pair[1]);
                        targetIds.add((Long) pair[1]);
                    }
                    return load(graph, target, targetIds, subtree).invoke(loaded ->
                            rendered.forEach((ownerId, resource) -> link(resource, relationship,
                                    idsByOwner.getOrDefault(ownerId, List.of()).stream()
                                            .filter(loaded::contains).toList())));
                })
                .replaceWithVoid();
    }

    /** Loads, renders and includes targets by id (with their own nested includes); yields the ids found. */
    <T extends ResourceEntity> Uni<Set<Long>> load(Graph graph, ResourceRules<T> target, Collection<Long> ids,
                                                   IncludeTree subtree) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Binder binder = new Binder();
        String hql = "from " + target.type().entityName() + " t where t.id in " + binder.apply(Set.copyOf(ids))
                + Queries.liveAndReferenced(target, graph.scope, "t", binder) + " order by t.id";
        return Panache.getSession()
                .flatMap(session -> {
                    var query = session.createSelectionQuery(hql, target.type().entityClass());
                    binder.parameters().forEach(query::setParameter);
                    return query.getResultList();
                })
                .flatMap(found -> accessFor(graph, target, found).flatMap(accessById -> {
                    Map<Long, ResourceObject> rendered = new LinkedHashMap<>();
                    List<T> visible = new ArrayList<>();
                    for (T row : found) {
                        Access access = accessById.get(row.id());
                        if (access != null && target.canSeeReferenced(access, row)) {
                            visible.add(row);
                            rendered.put(row.id(), renderer.render(target, row, access, graph.fields));
                        }
                    }
                    return expand(graph, target, visible, rendered, subtree).invoke(() -> {
                        rendered.values().forEach(graph::include);
                    }).replaceWith(new HashSet<>(rendered.keySet()));
                }));
    }

    /** Access per row: by each row's event for event children, the caller alone otherwise. */
    <T extends ResourceEntity> Uni<Map<Long, Access>> accessFor(Graph graph, ResourceRules<T> rules, List<T> rows) {
        Map<Long, Access> result = new HashMap<>();
        if (!rules.type().eventScoped()) {
            Access global = Access.global(graph.request.caller());
            rows.forEach(row -> result.put(row.id(), global));
            return Uni.createFrom().item(result);
        }
        Set<Long> missing = new HashSet<>();
        rows.forEach(row -> {
            long eventId = rules.type().eventOf(row);
            if (!graph.accessByEvent.containsKey(eventId)) {
                missing.add(eventId);
            }
        });
        Uni<Void> loaded = missing.isEmpty() ? Uni.createFrom().voidItem()
                : resolver.forEvents(graph.request.caller(), missing).invoke(graph.accessByEvent::putAll).replaceWithVoid();
        return loaded.map(ignored -> {
            for (T row : rows) {
                Access access = graph.accessByEvent.get(rules.type().eventOf(row));
                if (access != null && (access.eventVisible() || access.event() != null && graph.request.trashed())) {
                    result.put(row.id(), access);
                }
            }
            return result;
        });
    }

    /** Linkage per owner for relationships whose targets another service owns. */
    private static <E extends ResourceEntity> Uni<Map<Long, List<Long>>> remoteIds(List<E> rows,
                                                                                   Relationship<E> relationship) {
        if (relationship.remoteIds != null) {
            return relationship.remoteIds.of(rows);
        }
        Map<Long, List<Long>> ids = new HashMap<>();
        for (E row : rows) {
            Long key = relationship.foreignKey(row);
            ids.put(row.id(), key == null ? List.of() : List.of(key));
        }
        return Uni.createFrom().item(ids);
    }

    /** Puts linkage data on a rendered resource's relationship (kept absent when fieldsets hide it). */
    static void link(ResourceObject resource, Relationship<?> relationship, List<Long> ids) {
        org.openevent.common.jsonapi.Relationship current = resource.relationships().get(relationship.name());
        if (current == null) {
            return;
        }
        Object data = relationship.toMany()
                ? ids.stream().map(id -> new ResourceIdentifier(relationship.targetType(), String.valueOf(id))).toList()
                : ids.isEmpty() ? org.openevent.common.jsonapi.Relationship.NULL_DATA
                : new ResourceIdentifier(relationship.targetType(), String.valueOf(ids.get(0)));
        resource.relationships().put(relationship.name(),
                new org.openevent.common.jsonapi.Relationship(current.links(), data));
    }
}
