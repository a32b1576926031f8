package org.openevent.common.resource;

/** HQL fragments every generic query shares. */
final class Queries {

    private Queries() {
    }

    /**
     * {@code " and <alias>.deletedAt is null and (<visible>)"} as far as they apply: soft-deleted rows only when
     * {@code trashed}, and the rows the caller may see according to the type's rules.
     */
    static String liveAndVisible(ResourceRules<?> rules, Access access, String alias, Binder binder, boolean trashed) {
        return live(rules, alias, trashed, rules.visible(access, alias, binder));
    }

    /** The same for rows a resource the caller can see refers to ({@link ResourceRules#visibleReferenced}). */
    static String liveAndReferenced(ResourceRules<?> rules, Access access, String alias, Binder binder) {
        return live(rules, alias, false, rules.visibleReferenced(access, alias, binder));
    }

    private static String live(ResourceRules<?> rules, String alias, boolean trashed, String visible) {
        StringBuilder condition = new StringBuilder();
        if (rules.type().softDelete() && !trashed) {
            condition.append(" and ").append(alias).append(".deletedAt is null");
        }
        if (visible != null) {
            condition.append(" and (").append(visible).append(')');
        }
        return condition.toString();
    }
}
