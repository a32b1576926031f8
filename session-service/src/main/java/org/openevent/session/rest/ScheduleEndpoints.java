package org.openevent.session.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.rest.UserChildrenEndpoint;
import org.openevent.common.security.Caller;

/** The HTTP routes of the schedule's resource types; everything about them is in their declarations. */
final class ScheduleEndpoints {

    private ScheduleEndpoints() {
    }

    /** {@code /v1/tracks}. */
    @Path("/v1/tracks")
    public static class Tracks extends JsonApiEndpoint {
        public Tracks(ResourceEngine engine, Caller caller) {
            super(engine, caller, "track");
        }
    }

    /** {@code /v1/microlocations}. */
    @Path("/v1/microlocations")
    public static class Microlocations extends JsonApiEndpoint {
        public Microlocations(ResourceEngine engine, Caller caller) {
            super(engine, caller, "microlocation");
        }
    }

    /** {@code /v1/session-types}. */
    @Path("/v1/session-types")
    public static class SessionTypes extends JsonApiEndpoint {
        public SessionTypes(ResourceEngine engine, Caller caller) {
            super(engine, caller, "session-type");
        }
    }

    /** {@code /v1/speakers}. */
    @Path("/v1/speakers")
    public static class Speakers extends JsonApiEndpoint {
        public Speakers(ResourceEngine engine, Caller caller) {
            super(engine, caller, "speaker");
        }
    }

    /** {@code /v1/video-streams}. */
    @Path("/v1/video-streams")
    public static class VideoStreams extends JsonApiEndpoint {
        public VideoStreams(ResourceEngine engine, Caller caller) {
            super(engine, caller, "video-stream");
        }
    }

    /** {@code /v1/feedbacks}. */
    @Path("/v1/feedbacks")
    public static class Feedbacks extends JsonApiEndpoint {
        public Feedbacks(ResourceEngine engine, Caller caller) {
            super(engine, caller, "feedback");
        }
    }

    /** {@code /v1/user-favourite-sessions}. */
    @Path("/v1/user-favourite-sessions")
    public static class UserFavouriteSessions extends JsonApiEndpoint {
        public UserFavouriteSessions(ResourceEngine engine, Caller caller) {
            super(engine, caller, "user-favourite-session");
        }
    }

    /** {@code /v1/exhibitors}. */
    @Path("/v1/exhibitors")
    public static class Exhibitors extends JsonApiEndpoint {
        public Exhibitors(ResourceEngine engine, Caller caller) {
            super(engine, caller, "exhibitor");
        }
    }

    /** {@code /v1/users/<id>/<name>}: a user's sessions, speakers, feedbacks and favourites (the user and admins). */
    @Path("/v1/users/{userId}")
    public static class UserProgramme extends UserChildrenEndpoint {
        public UserProgramme(ResourceEngine engine, Caller caller) {
            super(engine, caller);
        }
    }
}
