package org.openevent.event.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ApiRequest;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.rest.UserChildrenEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.common.security.CallerIdentity;
import org.openevent.event.domain.Setting;

/** Site-wide resources: settings, pages, groups and follows, and the user-scoped lists this service owns. */
public final class SiteEndpoints {

    private SiteEndpoints() {
    }

    /** {@code /v1/settings}: the singleton; with {@code public=true} the public view, whoever asks. */
    @Path("/v1/settings")
    public static class Settings extends SingletonEndpoint {
        public Settings(ResourceEngine engine, Caller caller) {
            super(engine, caller, "setting", Setting.ID);
        }

        @Override
        protected ApiRequest reading(ApiRequest request) {
            return "true".equalsIgnoreCase(request.parameter("public"))
                    ? new ApiRequest(CallerIdentity.ANONYMOUS, request.query(), null, request.ifMatch()) : request;
        }
    }

    /** {@code /v1/pages}. */
    @Path("/v1/pages")
    public static class Pages extends JsonApiEndpoint {
        public Pages(ResourceEngine engine, Caller caller) {
            super(engine, caller, "page");
        }
    }

    /** {@code /v1/groups}. */
    @Path("/v1/groups")
    public static class Groups extends JsonApiEndpoint {
        public Groups(ResourceEngine engine, Caller caller) {
            super(engine, caller, "group");
        }
    }

    /** {@code /v1/user-follow-groups}. */
    @Path("/v1/user-follow-groups")
    public static class Follows extends JsonApiEndpoint {
        public Follows(ResourceEngine engine, Caller caller) {
            super(engine, caller, "user-follow-group");
        }
    }

    /** {@code /v1/users/<id>/events}, {@code /owner-events}, ..., {@code /followed-groups}, {@code /groups}. */
    @Path("/v1/users/{userId}")
    public static class UserLists extends UserChildrenEndpoint {
        public UserLists(ResourceEngine engine, Caller caller) {
            super(engine, caller);
        }
    }
}
