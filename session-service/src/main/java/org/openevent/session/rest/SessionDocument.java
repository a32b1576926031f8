package org.openevent.session.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ToManyLinkage;
import org.openevent.common.jsonapi.ToOneLinkage;

/**
 * A POST or PATCH body for a session. Unlike the shared write document it accepts the to-many
 * {@code speakers} linkage next to the to-one relationships.
 */
public record SessionDocument(@Valid @NotNull Data data) {

    /** Checks the declared type and, for PATCH, that the body id names the session of the URL. */
    public Data require(String expectedId) {
        if (!SessionResource.TYPE.equals(data.type())) {
            throw new ApiException(409, "Incorrect type", "Expected type 'session'.", "/data/type", null);
        }
        // Same rule and wording as the shared write document (and the original server) for PATCH ids.
        if (expectedId != null && data.id() == null) {
            throw new ApiException(400, "Bad Request", "Missing id in \"data\" node", "/data/id", null);
        }
        if (expectedId != null && !expectedId.equals(data.id())) {
            throw new ApiException(400, "Bad Request", "Value of id does not match the resource identifier in url",
                    "/data/id", null);
        }
        return data;
    }

    /** The resource object of the request; absent attributes or relationships read as empty. */
    public record Data(String type, String id, @Valid SessionAttributes attributes,
                       @Valid Relationships relationships) {

        public SessionAttributes attributesOrEmpty() {
            return attributes != null ? attributes
                    : new SessionAttributes(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        public Relationships relationshipsOrEmpty() {
            return relationships != null ? relationships : new Relationships(null, null, null, null, null);
        }
    }

    /** The relationships a client may set; an absent member leaves the relationship as it is. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Relationships(@Valid ToOneLinkage event, @Valid ToOneLinkage track, @Valid ToOneLinkage microlocation,
                                @Valid ToOneLinkage sessionType, @Valid ToManyLinkage speakers) {
    }
}
