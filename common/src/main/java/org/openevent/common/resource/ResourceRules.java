package org.openevent.common.resource;

import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * The rules of one resource type: who may see, create, change and delete its rows, what else a write must
 * check or derive, and what it publishes. Every method has the common default, so a resource overrides only
 * what is special about it. Write hooks run inside the write's transaction.
 *
 * @param <E> the entity
 */
public interface ResourceRules<E extends ResourceEntity> {

    /** The declaration these rules belong to. */
    ResourceType<E> type();

    /**
     * An HQL condition on {@code alias} limiting the rows this caller may see (bind values through {@code bind});
     * null when every row under a visible parent is visible. Must agree with {@link #canSee}.
     */
    default String visible(Access access, String alias, Function<Object, String> bind) {
        return null;
    }

    /**
     * Whether only signed-in callers read single rows of this type. Checked before anything is looked up, so an
     * anonymous caller (or one whose token was refused) gets the same 401 whether the row exists or not.
     */
    default boolean readersMustSignIn() {
        return false;
    }

    /** Whether this caller may see this row (for single reads); must agree with {@link #visible}. */
    default boolean canSee(Access access, E entity) {
        return true;
    }

    /**
     * The condition for rows that a resource the caller can see refers to: the targets of includes, here and in
     * other services (which fetch them through {@code /internal/resources/<type>}). By default {@link #visible};
     * users, for example, are private to themselves but shown in their public form as an event's owner.
     * Must agree with {@link #canSeeReferenced}.
     */
    default String visibleReferenced(Access access, String alias, Function<Object, String> bind) {
        return visible(access, alias, bind);
    }

    /** Whether this caller sees this row where something they can see refers to it; by default {@link #canSee}. */
    default boolean canSeeReferenced(Access access, E entity) {
        return canSee(access, entity);
    }

    /**
     * Who may list the whole collection across events ({@code GET /v1/<collection>}). The original lists
     * everything to everyone; here only admins may, unless a type says otherwise.
     */
    default void checkListAll(Access access) {
        access.requireAdmin();
    }

    /**
     * Adjusts what a caller sent before any check, e.g. dropping values the original silently ignores for
     * callers who may not set them. {@code entity} is null on create.
     */
    default void adjust(Access access, E entity, Changes<E> changes) {
    }

    /**
     * Slow work a write needs before its transaction opens (e.g. hashing a password on a worker thread), after
     * access was checked; it may replace values in {@code changes}. {@code entity} is null on create.
     */
    default Uni<Void> beforeTransaction(Access access, E entity, Changes<E> changes) {
        return Uni.createFrom().voidItem();
    }

    /** Who may create: co-organizers for an event's children, admins for everything else. */
    default void checkCreate(Access access, Changes<E> changes) {
        requireManager(access);
    }

    /** Who may change this row with these changes. */
    default void checkUpdate(Access access, E entity, Changes<E> changes) {
        requireManager(access);
    }

    default void checkDelete(Access access, E entity) {
        requireManager(access);
    }

    /**
     * Checks that need the database (uniqueness, existence), run before the changes are applied so that no
     * half-applied row is flushed by their queries.
     */
    default Uni<Void> validate(Access access, E entity, Changes<E> changes) {
        return Uni.createFrom().voidItem();
    }

    /** Derived values and checks across fields, run after the changes are applied and before saving. */
    default void prepare(Access access, E entity, Changes<E> changes) {
    }

    /** Makes the members of a writable to-many relationship exactly {@code ids}, inside the write's transaction. */
    default Uni<Void> replaceMembers(E entity, String relationship, java.util.List<Long> ids) {
        throw new IllegalStateException(type().type() + "." + relationship + " is writable but has no writer");
    }

    /**
     * Runs after the row is saved (created, changed, soft-deleted, restored or about to be removed), in the same
     * transaction: publish the snapshot to the outbox, maintain counters.
     */
    default Uni<Void> saved(Access access, E entity, Change change) {
        return Uni.createFrom().voidItem();
    }

    /** What happened to a row. */
    enum Change { CREATED, UPDATED, DELETED, REMOVED }

    private void requireManager(Access access) {
        if (type().eventChild()) {
            access.requireCoorganizer();
        } else {
            access.requireAdmin();
        }
    }
}
