package org.openevent.stats.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.security.Caller;
import org.openevent.common.security.CallerIdentity;
import org.openevent.stats.domain.Figures;
import org.openevent.stats.service.AdminStatisticsService;

/**
 * The admin dashboard's statistics singletons (id {@code "1"}; query parameters such as {@code filterOptions} are
 * ignored) and the event type and topic counts, as plain JSON arrays like the original server's.
 */
@Path("/v1/admin/statistics")
public class AdminStatisticsResource {

    static final String SINGLETON_ID = "1";
    private static final String PER_DAY = " The per-day series holds the last 30 UTC days, oldest first, ending today.";

    private final AdminStatisticsService statistics;
    private final Caller caller;

    public AdminStatisticsResource(AdminStatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Path("/events")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Event figures (admins)", description = "Events that are not deleted, as the admin event list"
            + " shows them: draft = in state draft, whatever their dates; published = published and not ended (no"
            + " end counts as not ended); past = published and ended. Deleted events count nowhere (the original"
            + " counted deleted events and drafts as past). created-per-day counts every event created on each day,"
            + " including ones deleted since." + PER_DAY)
    public Uni<Document> events() {
        return singleton("admin-statistics-event", "/events", statistics::events);
    }

    @GET
    @Path("/sessions")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Session figures (admins)", description = "Sessions that are not deleted, of events that"
            + " exist and are not deleted (drafts included), by state; submitted = every such session that is not a"
            + " draft (the original counted a state 'submitted' that nothing uses, and counted deleted sessions and"
            + " sessions of deleted events). submitted-per-day counts sessions by the day they were first submitted,"
            + " including ones deleted since." + PER_DAY)
    public Uni<Document> sessions() {
        return singleton("admin-statistics-session", "/sessions", statistics::sessions);
    }

    @GET
    @Path("/users")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "User figures (admins)", description = "Accounts that are not deleted, each in exactly one"
            + " kind: super-admin, admin (not super admin), verified and unverified (neither). owner, organizer,"
            + " coorganizer and track-organizer count distinct such users holding that role on at least one event"
            + " that is not deleted. attendee is 0: the platform sells no tickets. sign-ups-per-day counts accounts"
            + " by the day they were created, including ones deleted since." + PER_DAY)
    public Uni<Document> users() {
        return singleton("admin-statistics-user", "/users", statistics::users);
    }

    @GET
    @Path("/mails")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Mail figures (admins)", description = "Mails handed to the mail server in the last 24 hours,"
            + " 3, 7 and 30 days (sent after now minus the window, up to now); each mail counts once, however often"
            + " its sending was reported.")
    public Uni<Document> mails() {
        return singleton("admin-statistics-mail", "/mails", statistics::mails);
    }

    @GET
    @Path("/groups")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Group figures (admins)", description = "groups = groups that are not deleted; group-events ="
            + " events that are not deleted in such groups; followers = distinct users (not deleted) following at"
            + " least one such group. The original counted deleted groups, events and follows.")
    public Uni<Document> groups() {
        return singleton("admin-statistics-group", "/groups", statistics::groups);
    }

    @GET
    @Path("/event-types")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    @Operation(summary = "Events per event type (signed-in users)", description = "A plain JSON array of"
            + " {name, id, count}, one entry per event type that is not deleted (zero counts included), ordered by"
            + " name; count = events that are not deleted, drafts included (the original also counted deleted"
            + " events).")
    public Uni<List<Figures.TaxonomyCount>> eventTypes() {
        return caller.resolve().flatMap(statistics::eventTypes);
    }

    @GET
    @Path("/event-topics")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    @Operation(summary = "Events per event topic (signed-in users)", description = "A plain JSON array of"
            + " {name, id, count}, one entry per event topic that is not deleted (zero counts included), ordered by"
            + " name; count = events that are not deleted, drafts included (the original also counted deleted"
            + " events).")
    public Uni<List<Figures.TaxonomyCount>> eventTopics() {
        return caller.resolve().flatMap(statistics::eventTopics);
    }

    private Uni<Document> singleton(String type, String path, Function<CallerIdentity, Uni<?>> figures) {
        String self = JsonApi.API_PREFIX + "/admin/statistics" + path;
        return caller.resolve().flatMap(figures)
                .map(attributes -> Document.single(new ResourceObject(type, SINGLETON_ID, attributes, null,
                        Map.of("self", self))));
    }
}
