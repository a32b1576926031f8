package org.openevent.common.resource;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.openevent.common.security.CallerIdentity;

/**
 * One HTTP request as the kit sees it: who calls, the query parameters, the credentials to forward to other
 * services for remote includes, and the {@code If-Match} precondition of writes.
 */
public record ApiRequest(CallerIdentity caller, MultivaluedMap<String, String> query, String authorization,
                         String ifMatch) {

    /** A request without query parameters or preconditions, for internal use. */
    public static ApiRequest of(CallerIdentity caller, String authorization) {
        return new ApiRequest(caller, new MultivaluedHashMap<>(), authorization, null);
    }

    public String parameter(String name) {
        return query.getFirst(name);
    }

    /** True when the query asks for soft-deleted rows too; only admins are granted that. */
    public boolean trashed() {
        return caller.admin() && "true".equalsIgnoreCase(query.getFirst("get_trashed"));
    }

    public IncludeTree include() {
        return IncludeTree.parse(query.getFirst(IncludeTree.PARAMETER));
    }

    public Fieldsets fields() {
        return Fieldsets.parse(query);
    }
}
