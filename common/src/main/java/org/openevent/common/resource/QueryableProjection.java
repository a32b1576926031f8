package org.openevent.common.resource;

import org.openevent.common.jsonapi.query.ResourceFields;

/**
 * A type another service owns whose projection here can be filtered on, e.g. {@code event} in session-service,
 * so that {@code session has event {identifier eq x}} works. Declared as a CDI bean.
 */
public interface QueryableProjection {

    /** The JSON:API type it stands for and the HQL entity and fields of the local projection. */
    ResourceFields fields();

    /** Whether deleted rows of the projection must count as absent. */
    default boolean softDeleted() {
        return true;
    }
}
