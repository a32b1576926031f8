package org.openevent.common.jsonapi.query;

/**
 * A relationship that nested filters ({@code has} for to-one, {@code any} for to-many) may cross.
 *
 * @param wireName dasherized relationship name, e.g. {@code track}
 * @param toMany whether the relationship is to-many ({@code any}) or to-one ({@code has})
 * @param target fields of the related resource
 * @param correlation HQL condition linking an inner alias of the target to the outer alias, with the
 *                    placeholders {@code {inner}} and {@code {outer}}, e.g. {@code {inner}.id = {outer}.trackId}
 */
public record Relation(String wireName, boolean toMany, ResourceFields target, String correlation) {
}
