package org.openevent.common.resource;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openevent.common.security.CallerIdentity;

/**
 * One relationship of a resource type. Local relationships are declared by an HQL join condition between the
 * owning row ({@code {o}}) and a target row ({@code {t}}); the same condition drives includes (one query per
 * relationship for a whole page), related routes, relationship routes and the filter language's {@code has} /
 * {@code any}. Relationships to resources another service owns are {@link Remote}; relationships to features
 * this platform does not offer are honestly {@link #empty}.
 *
 * @param <E> the owning entity
 */
public final class Relationship<E> {

    /** Where the target rows live. */
    public enum Source {
        /** Rows of a type of this service, joined by {@link #join}. */
        LOCAL,
        /** Rows another service owns; linkage ids come from {@link #foreignKey} or {@link #remoteIds}. */
        REMOTE,
        /** A relationship of a feature this platform does not offer: always null or empty. */
        EMPTY,
        /**
         * Rows another service lists for the owner (e.g. a user's sessions, at {@code /v1/users/<id>/sessions} in
         * session-service): only links here; the gateway routes the related link to that service.
         */
        ELSEWHERE
    }

    /** In a join condition, the calling user's id. */
    static final String CALLER = "{caller}";

    final String name;
    final boolean toMany;
    final String targetType;
    final Source source;
    String join;
    Function<E, Long> foreignKey;
    String fkProperty;
    BiConsumer<E, Long> foreignKeySetter;
    RemoteIds<E> remoteIds;
    /** For the children of an event that another service owns: their collection there. */
    String remoteChildren;
    boolean required;
    boolean writable;
    Predicate<Access> visibleTo;
    String description;

    Relationship(String name, boolean toMany, String targetType, Source source) {
        this.name = name;
        this.toMany = toMany;
        this.targetType = targetType;
        this.source = source;
    }

    public String name() {
        return name;
    }

    public boolean toMany() {
        return toMany;
    }

    public String targetType() {
        return targetType;
    }

    public Source source() {
        return source;
    }

    /** The HQL condition between {@code {o}} (owner) and {@code {t}} (target), for local relationships. */
    public String join(String ownerAlias, String targetAlias) {
        return join.replace("{o}", ownerAlias).replace("{t}", targetAlias);
    }

    /**
     * The join for one caller's query: {@code {caller}} stands for the caller's user id (a relationship such as
     * "my follow of this group"), bound through {@code binder}; for an anonymous caller it matches nothing.
     */
    String join(String ownerAlias, String targetAlias, Binder binder, CallerIdentity caller) {
        String condition = join(ownerAlias, targetAlias);
        return callerScoped() ? condition.replace(CALLER, binder.apply(caller.userId() == null ? -1L
                : caller.userId())) : condition;
    }

    /** Whether the join names the caller, so it differs per caller and cannot serve filters. */
    boolean callerScoped() {
        return join != null && join.contains(CALLER);
    }

    /** The collection of another service's event children this relationship lists, or null. */
    public String remoteChildren() {
        return remoteChildren;
    }

    public boolean hasJoin() {
        return join != null;
    }

    public boolean required() {
        return required;
    }

    public boolean writable() {
        return writable;
    }

    public Long foreignKey(E entity) {
        return foreignKey == null ? null : foreignKey.apply(entity);
    }

    /** Whether this caller may see (and include) the relationship at all. */
    public boolean visible(Access access) {
        return visibleTo == null || visibleTo.test(access);
    }

    /** A line for the OpenAPI description, e.g. why a relationship is always empty. */
    public String description() {
        return description;
    }

    /** Linkage of remote to-many relationships: owner id → target ids, for a page of owners. */
    @FunctionalInterface
    public interface RemoteIds<E> {
        io.smallrye.mutiny.Uni<java.util.Map<Long, java.util.List<Long>>> of(java.util.List<E> owners);
    }
}
