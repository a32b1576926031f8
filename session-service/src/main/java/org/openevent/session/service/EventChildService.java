package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.QueryPage;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.domain.EventScoped;
import org.openevent.session.repository.ScheduleVersionRepository;

/**
 * The life cycle shared by tracks, rooms, session types and speakers: create under a visible event, read
 * while the event is visible, change with a row lock so versions stay monotonic, soft delete, and publish
 * a snapshot to the outbox in the same transaction as every change.
 *
 * @param <E> the entity
 * @param <A> the attributes record a client sends
 */
public abstract class EventChildService<E extends EventScoped, A> {

    protected static final String ATTRIBUTES = "/data/attributes/";

    protected final PanacheRepositoryBase<E, Long> repository;
    protected final EventAccessService access;
    protected final Outbox outbox;
    private final ScheduleVersionRepository scheduleVersions;
    private final String label;
    private final String aggregateType;
    private final String messageType;

    protected EventChildService(PanacheRepositoryBase<E, Long> repository, EventAccessService access, Outbox outbox,
                                ScheduleVersionRepository scheduleVersions, String label, String aggregateType,
                                String messageType) {
        this.scheduleVersions = scheduleVersions;
        this.repository = repository;
        this.access = access;
        this.outbox = outbox;
        this.label = label;
        this.aggregateType = aggregateType;
        this.messageType = messageType;
    }

    /** A new entity from POSTed attributes; checks required attributes. */
    protected abstract E build(A attributes, EventAccess access);

    /** Applies PATCHed attributes; absent (null) attributes keep their value. */
    protected abstract void apply(E entity, A attributes, EventAccess access);

    /** The snapshot published for the entity at the given schedule version. */
    protected abstract Object payload(E entity, long scheduleVersion);

    /** What the per-event list may be filtered and sorted on (alias {@code x}). */
    public abstract ResourceFields fields();

    /** Order of the per-event list when the client gives none. */
    public abstract String defaultOrder();

    protected boolean mayCreate(EventAccess access) {
        return access.isManager();
    }

    protected boolean mayChange(EventAccess access, E entity) {
        return access.isManager();
    }

    /**
     * Cross-row checks of the given attributes, run in the transaction before anything is changed (so no
     * pending change is flushed by the check's query); {@code id} is null on create.
     */
    protected Uni<Void> check(long eventId, Long id, A attributes) {
        return Uni.createFrom().voidItem();
    }

    public Uni<Scoped<E>> create(CallerIdentity caller, long eventId, A attributes) {
        caller.requireUser();
        return Panache.withTransaction(() -> access.forRelationship(caller, eventId).flatMap(event -> {
            if (!mayCreate(event)) {
                throw forbidden();
            }
            E entity = build(attributes, event);
            entity.eventId = eventId;
            entity.version = 1;
            entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return check(eventId, null, attributes)
                    .flatMap(ignored -> repository.persistAndFlush(entity))
                    .flatMap(this::publish)
                    .replaceWith(new Scoped<>(entity, event));
        }));
    }

    public Uni<Scoped<E>> get(CallerIdentity caller, long id) {
        return Panache.withSession(() -> repository.findById(id).flatMap(entity -> {
            if (entity == null || entity.isDeleted()) {
                throw ApiException.notFound(label);
            }
            return access.forChild(caller, entity.eventId, label).map(event -> new Scoped<>(entity, event));
        }));
    }

    public Uni<Scoped<E>> update(CallerIdentity caller, long id, A attributes) {
        caller.requireUser();
        return Panache.withTransaction(() -> locked(caller, id).flatMap(scoped -> {
            E entity = scoped.entity();
            return check(entity.eventId, entity.id, attributes).flatMap(ignored -> {
                apply(entity, attributes, scoped.access());
                entity.version++;
                return publish(entity);
            }).replaceWith(scoped);
        }));
    }

    public Uni<Void> delete(CallerIdentity caller, long id) {
        caller.requireUser();
        return Panache.withTransaction(() -> locked(caller, id).flatMap(scoped -> {
            E entity = scoped.entity();
            entity.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
            entity.version++;
            return publish(entity);
        }));
    }

    /**
     * A page of the live children of a visible event matching the client's filter, in its order; admins
     * asking with {@code get_trashed=true} also get the soft-deleted ones.
     */
    public Uni<Listing<E>> list(CallerIdentity caller, String eventReference, ListQuery query) {
        boolean trashed = query.trashedRequested() && caller.admin();
        return Panache.withSession(() -> access.forPath(caller, eventReference).flatMap(event ->
                QueryPage.fetch(repository, "from " + fields().entity() + " x where x.eventId = :eventId "
                                + "and (x.deletedAt is null or :trashed = true)",
                                Map.of("eventId", event.eventId(), "trashed", trashed), query)
                        .map(page -> new Listing<>(page.items(), page.total(), event))));
    }

    private Uni<Scoped<E>> locked(CallerIdentity caller, long id) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            if (entity == null || entity.isDeleted()) {
                throw ApiException.notFound(label);
            }
            return access.forChild(caller, entity.eventId, label).map(event -> {
                if (!mayChange(event, entity)) {
                    throw forbidden();
                }
                return new Scoped<>(entity, event);
            });
        });
    }

    private Uni<Void> publish(E entity) {
        return scheduleVersions.next(entity.eventId).flatMap(scheduleVersion -> outbox.publish(Topics.SESSIONS,
                messageType, aggregateType, entity.id, entity.version, payload(entity, scheduleVersion)));
    }

    protected ApiException forbidden() {
        return ApiException.forbidden("Co-organizer access is required.");
    }


    protected static <T> T orElse(T value, T current) {
        return value != null ? value : current;
    }
}
