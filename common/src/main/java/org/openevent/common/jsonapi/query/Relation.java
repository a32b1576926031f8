package org.openevent.common.jsonapi.query;

/**
 * A relationship that nested filters ({@code has} for to-one, {@code any} for to-many) and null comparisons
 * may cross.
 *
 * @param wireName dasherized relationship name, e.g. {@code track}
 * @param toMany whether the relationship is to-many ({@code any}) or to-one ({@code has})
 * @param target fields of the related resource; for a key-only relation just {@code id}
 * @param correlation HQL condition linking an inner alias of the target to the outer alias, with the
 *                    placeholders {@code {inner}} and {@code {outer}}, e.g. {@code {inner}.id = {outer}.trackId};
 *                    null for a key-only relation
 * @param keyProperty for a key-only relation (a to-one whose target lives in another service), the outer
 *                    property holding the target's id; nested filters may then only compare {@code id}
 */
public record Relation(String wireName, boolean toMany, ResourceFields target, String correlation,
                       String keyProperty) {

    public boolean keyOnly() {
        return keyProperty != null;
    }
}
