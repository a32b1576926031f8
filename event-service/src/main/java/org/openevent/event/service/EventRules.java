package org.openevent.event.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.Relationship;
import org.openevent.common.resource.ResourceEntity;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.common.resource.ValueType;
import org.openevent.event.config.SiteConfig;
import org.openevent.event.domain.Event;
import org.openevent.event.domain.EventGroup;
import org.openevent.event.domain.EventTopic;
import org.openevent.event.domain.EventCopyright;
import org.openevent.event.domain.EventRole;
import org.openevent.event.domain.RoleInvite;
import org.openevent.event.domain.SocialLink;
import org.openevent.event.domain.SpeakersCall;
import org.openevent.event.domain.Sponsor;
import org.openevent.event.domain.Ticket;

/**
 * Events: anyone signed in creates one and becomes its owner; co-organizers change it, its owner deletes it,
 * admins also restore and remove it. Drafts exist only for the people working on them. Every change publishes
 * the event's snapshot (with its role grants) to the other services.
 */
@ApplicationScoped
public class EventRules implements ResourceRules<Event> {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PAYMENTS = "Payments are not offered by this platform.";

    static final ResourceType<Event> TYPE = ResourceType.define("event", "events", Event.class, Event::new)
            .string("identifier", e -> e.identifier, null)
            .string("name", e -> e.name, (e, v) -> e.name = v).required().notBlank().max(1000)
            .url("externalEventUrl", e -> e.externalEventUrl, (e, v) -> e.externalEventUrl = v)
            .datetime("startsAt", e -> e.startsAt, (e, v) -> e.startsAt = v).required()
            .datetime("endsAt", e -> e.endsAt, (e, v) -> e.endsAt = v).required()
            .string("timezone", e -> e.timezone, (e, v) -> e.timezone = v).required().timezone()
            .bool("online", e -> e.online, (e, v) -> e.online = v).notNull().defaultTo(false)
            .decimal("latitude", e -> e.latitude, (e, v) -> e.latitude = v).range(-90, 90)
            .decimal("longitude", e -> e.longitude, (e, v) -> e.longitude = v).range(-180, 180)
            .url("logoUrl", e -> e.logoUrl, (e, v) -> e.logoUrl = v)
            .string("locationName", e -> e.locationName, (e, v) -> e.locationName = v).max(1000)
            .string("searchableLocationName", e -> e.searchableLocationName, (e, v) -> e.searchableLocationName = v)
            .max(1000)
            .string("publicStreamLink", e -> e.publicStreamLink, (e, v) -> e.publicStreamLink = v).max(2048)
            .bool("streamLoop", e -> e.streamLoop, (e, v) -> e.streamLoop = v).notNull().defaultTo(false)
            .bool("streamAutoplay", e -> e.streamAutoplay, (e, v) -> e.streamAutoplay = v).notNull().defaultTo(false)
            .text("description", e -> e.description, (e, v) -> e.description = v).normalize(Html::sanitize)
            .text("afterOrderMessage", e -> e.afterOrderMessage, (e, v) -> e.afterOrderMessage = v).normalize(Html::sanitize)
            .url("originalImageUrl", e -> e.originalImageUrl, (e, v) -> e.originalImageUrl = v)
            .string("thumbnailImageUrl", e -> e.thumbnailImageUrl != null ? e.thumbnailImageUrl : e.originalImageUrl, null)
            .string("largeImageUrl", e -> e.largeImageUrl != null ? e.largeImageUrl : e.originalImageUrl, null)
            .string("iconImageUrl", e -> e.iconImageUrl != null ? e.iconImageUrl : e.originalImageUrl, null)
            .bool("showRemainingTickets", e -> e.showRemainingTickets, (e, v) -> e.showRemainingTickets = v).notNull()
            .defaultTo(false)
            .string("ownerName", e -> e.ownerName, (e, v) -> e.ownerName = v).max(1000)
            .bool("isMapShown", e -> e.isMapShown, (e, v) -> e.isMapShown = v)
            .bool("isOneclickSignupEnabled", e -> e.isOneclickSignupEnabled, (e, v) -> e.isOneclickSignupEnabled = v)
            .bool("hasOwnerInfo", e -> e.hasOwnerInfo, (e, v) -> e.hasOwnerInfo = v)
            .text("ownerDescription", e -> e.ownerDescription, (e, v) -> e.ownerDescription = v).normalize(Html::sanitize)
            .bool("isSessionsSpeakersEnabled", e -> e.isSessionsSpeakersEnabled,
                    (e, v) -> e.isSessionsSpeakersEnabled = v).notNull().defaultTo(false)
            .string("privacy", e -> e.privacy, (e, v) -> e.privacy = v).notNull().defaultTo("public")
            .oneOf("public", "private")
            .string("state", e -> e.state, (e, v) -> e.state = v).notNull().defaultTo(Event.DRAFT)
            .oneOf(Event.DRAFT, Event.PUBLISHED)
            .url("ticketUrl", e -> e.ticketUrl, (e, v) -> e.ticketUrl = v)
            .text("codeOfConduct", e -> e.codeOfConduct, (e, v) -> e.codeOfConduct = v).normalize(Html::sanitize)
            .datetime("schedulePublishedOn", e -> e.schedulePublishedOn, (e, v) -> e.schedulePublishedOn = v)
            // Featuring and promotion are the platform's editorial decisions; the wizard sends them on every save.
            .bool("isFeatured", e -> e.isFeatured, (e, v) -> e.isFeatured = v).notNull().defaultTo(false)
            .writableWhen(Access::isStaff, true)
            .bool("isPromoted", e -> e.isPromoted, (e, v) -> e.isPromoted = v).notNull().defaultTo(false)
            .writableWhen(Access::isStaff, true)
            .bool("isDemoted", e -> e.isDemoted, (e, v) -> e.isDemoted = v).notNull().defaultTo(false)
            .writableWhen(Access::isStaff, true)
            .bool("isAnnounced", e -> e.isAnnounced, (e, v) -> e.isAnnounced = v).notNull().defaultTo(false)
            .bool("isTicketFormEnabled", e -> e.isTicketFormEnabled, (e, v) -> e.isTicketFormEnabled = v).notNull()
            .defaultTo(true)
            .bool("isCfsEnabled", e -> e.isCfsEnabled, (e, v) -> e.isCfsEnabled = v).notNull().defaultTo(false)
            .string("paymentCountry", e -> e.paymentCountry, (e, v) -> e.paymentCountry = v).max(64)
            .string("paymentCurrency", e -> e.paymentCurrency, (e, v) -> e.paymentCurrency = v).max(16)
            .string("paypalEmail", e -> e.paypalEmail, (e, v) -> e.paypalEmail = v).email()
            .readableWhen((access, event) -> access.isCoorganizer())
            .bool("isTaxEnabled", e -> e.isTaxEnabled, (e, v) -> e.isTaxEnabled = v).notNull().defaultTo(false)
            .bool("isBillingInfoMandatory", e -> e.isBillingInfoMandatory, (e, v) -> e.isBillingInfoMandatory = v)
            .notNull().defaultTo(false)
            .bool("isDonationEnabled", e -> e.isDonationEnabled, (e, v) -> e.isDonationEnabled = v).notNull()
            .defaultTo(false)
            .bool("isChatEnabled", e -> e.isChatEnabled, (e, v) -> e.isChatEnabled = v).notNull().defaultTo(false)
            .bool("isVideoroomEnabled", e -> e.isVideoroomEnabled, (e, v) -> e.isVideoroomEnabled = v).notNull()
            .defaultTo(false)
            .bool("isDocumentEnabled", e -> e.isDocumentEnabled, (e, v) -> e.isDocumentEnabled = v).notNull()
            .defaultTo(false)
            .json("documentLinks", e -> e.documentLinks, (e, v) -> e.documentLinks = v)
            .string("chatRoomName", e -> e.chatRoomName, null)
            .bool("canPayByPaypal", e -> e.canPayByPaypal, (e, v) -> e.canPayByPaypal = v).notNull().defaultTo(false)
            .bool("canPayByStripe", e -> e.canPayByStripe, (e, v) -> e.canPayByStripe = v).notNull().defaultTo(false)
            .bool("canPayByCheque", e -> e.canPayByCheque, (e, v) -> e.canPayByCheque = v).notNull().defaultTo(false)
            .bool("canPayByBank", e -> e.canPayByBank, (e, v) -> e.canPayByBank = v).notNull().defaultTo(false)
            .bool("canPayByInvoice", e -> e.canPayByInvoice, (e, v) -> e.canPayByInvoice = v).notNull()
            .defaultTo(false)
            .bool("canPayOnsite", e -> e.canPayOnsite, (e, v) -> e.canPayOnsite = v).notNull().defaultTo(false)
            .bool("canPayByOmise", e -> e.canPayByOmise, (e, v) -> e.canPayByOmise = v).notNull().defaultTo(false)
            .bool("canPayByAlipay", e -> e.canPayByAlipay, (e, v) -> e.canPayByAlipay = v).notNull().defaultTo(false)
            .bool("canPayByPaytm", e -> e.canPayByPaytm, (e, v) -> e.canPayByPaytm = v).notNull().defaultTo(false)
            .text("chequeDetails", e -> e.chequeDetails, (e, v) -> e.chequeDetails = v)
            .text("invoiceDetails", e -> e.invoiceDetails, (e, v) -> e.invoiceDetails = v)
            .text("bankDetails", e -> e.bankDetails, (e, v) -> e.bankDetails = v)
            .text("onsiteDetails", e -> e.onsiteDetails, (e, v) -> e.onsiteDetails = v)
            .bool("isSponsorsEnabled", e -> e.isSponsorsEnabled, (e, v) -> e.isSponsorsEnabled = v).notNull()
            .defaultTo(false)
            .text("refundPolicy", e -> e.refundPolicy, (e, v) -> e.refundPolicy = v)
            .bool("isBadgesEnabled", e -> e.isBadgesEnabled, (e, v) -> e.isBadgesEnabled = v).notNull()
            .defaultTo(false)
            // export-service's live feeds of a published event (drafts have none).
            .computed("pentabarf-url", ValueType.STRING, e -> FeedLinks.of(e, "xml"))
            .computed("ical-url", ValueType.STRING, e -> FeedLinks.of(e, "ics"))
            .computed("xcal-url", ValueType.STRING, e -> FeedLinks.of(e, "xcs"))
            .computed("is-stripe-linked", ValueType.BOOLEAN, e -> false)
            .datetime("createdAt", e -> e.createdAt, null)
            // Admins restore a soft-deleted event with get_trashed=true and deleted-at: null.
            .datetime("deletedAt", e -> e.deletedAt, (e, v) -> e.deletedAt = v).writableWhen(Access::isStaff, false)
            .isEvent()
            .alternateKey("identifier")
            .remoteChildren("sessions", "session")
            .remoteChildren("tracks", "track")
            .remoteChildren("microlocations", "microlocation")
            .remoteChildren("speakers", "speaker")
            .remoteChildren("session-types", "session-type")
            .remote("owner", false, "user", holders(Roles.OWNER))
            .remote("organizers", true, "user", holders(Roles.ORGANIZER))
            .remote("coorganizers", true, "user", holders(Roles.COORGANIZER))
            .remote("track-organizers", true, "user", holders(Roles.TRACK_ORGANIZER))
            .remote("registrars", true, "user", holders(Roles.REGISTRAR))
            .remote("moderators", true, "user", holders(Roles.MODERATOR))
            .toOne("event-topic", "event-topic", "eventTopicId", e -> e.eventTopicId, (e, v) -> e.eventTopicId = v)
            .writable()
            .toOne("event-sub-topic", "event-sub-topic", "eventSubTopicId", e -> e.eventSubTopicId,
                    (e, v) -> e.eventSubTopicId = v).writable()
            .toOne("event-type", "event-type", "eventTypeId", e -> e.eventTypeId, (e, v) -> e.eventTypeId = v)
            .writable()
            .joined("event-copyright", false, "event-copyright", "{t}.eventId = {o}.id")
            .joined("speakers-call", false, "speakers-call", "{t}.eventId = {o}.id")
            .inverse("social-links", "social-link", "eventId")
            .inverse("sponsors", "sponsor", "eventId")
            .inverse("tickets", "ticket", "eventId")
            .toOne("group", "group", "groupId", e -> e.groupId, (e, v) -> e.groupId = v).writable()
            .empty("custom-forms", true, "custom-form", "Custom forms are not offered yet.")
            .empty("video-stream", false, "video-stream", "Video streams are not offered yet.")
            .empty("exhibitors", true, "exhibitor", "Exhibitors are not offered yet.")
            .inverse("roles", "users-events-roles", "eventId").visibleWhen(Access::isCoorganizer)
            .inverse("role-invites", "role-invite", "eventId").visibleWhen(Access::isOrganizer)
            .empty("tax", false, "tax", PAYMENTS)
            .empty("stripe-authorization", false, "stripe-authorization", PAYMENTS)
            .empty("order-statistics", false, "order-statistics-event", PAYMENTS)
            // stats-service answers /v1/events/{id}/general-statistics for the event's organizers.
            .servedElsewhere("general-statistics", false, "event-statistics-general")
            .empty("orders", true, "order", PAYMENTS)
            .empty("discount-codes", true, "discount-code", PAYMENTS)
            .empty("access-codes", true, "access-code", PAYMENTS)
            .empty("attendees", true, "attendee", PAYMENTS)
            .empty("event-invoices", true, "event-invoice", PAYMENTS)
            .ofUser("events", holding(Roles.ALL))
            .ofUser("owner-events", holding(List.of(Roles.OWNER)))
            .ofUser("organizer-events", holding(List.of(Roles.ORGANIZER)))
            .ofUser("coorganizer-events", holding(List.of(Roles.COORGANIZER)))
            .ofUser("track-organizer-events", holding(List.of(Roles.TRACK_ORGANIZER)))
            .ofUser("registrar-events", holding(List.of(Roles.REGISTRAR)))
            .ofUser("moderator-events", holding(List.of(Roles.MODERATOR)))
            // Marketers and sales admins belong to ticket sales, which this platform does not offer: always empty
            // (the condition names the user, as every user relation must, and is never true).
            .ofUser("marketer-events", "{user} is null")
            .ofUser("sales-admin-events", "{user} is null")
            .defaultOrder("x.startsAt asc")
            .permanentDelete()
            .build();

    private final EventSnapshots snapshots;
    private final SiteConfig site;

    public EventRules(EventSnapshots snapshots, SiteConfig site) {
        this.snapshots = snapshots;
        this.site = site;
    }

    @Override
    public ResourceType<Event> type() {
        return TYPE;
    }

    /** Published events for everyone; drafts for the people holding a role on them; all for admins. */
    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.isStaff()) {
            return null;
        }
        if (!access.isSignedIn()) {
            return alias + ".state = 'published'";
        }
        return "(" + alias + ".state = 'published' or " + alias + ".id in (select r.eventId from EventRole r "
                + "where r.userId = " + bind.apply(access.caller().userId()) + "))";
    }

    @Override
    public boolean canSee(Access access, Event event) {
        return event.isPublished() || access.hasAnyRole();
    }

    /** The public list of events: everyone may read it (the rows are what {@link #visible} allows). */
    @Override
    public void checkListAll(Access access) {
    }

    @Override
    public void checkCreate(Access access, Changes<Event> changes) {
        access.requireUser();
    }

    @Override
    public void checkUpdate(Access access, Event event, Changes<Event> changes) {
        access.requireCoorganizer();
    }

    @Override
    public void checkDelete(Access access, Event event) {
        access.requireUser();
        if (!access.isOwner()) {
            throw ApiException.forbidden("Only the owner may delete an event.");
        }
    }

    @Override
    public Uni<Void> validate(Access access, Event event, Changes<Event> changes) {
        Uni<Void> identifier = changes.creating() ? uniqueIdentifier().invoke(id -> event.identifier = id)
                .replaceWithVoid() : Uni.createFrom().voidItem();
        return identifier.flatMap(ignored -> checkGroup(access, changes))
                .flatMap(ignored -> topicImage(event, changes));
    }

    /** An event joins only a group its organizer owns (admins may file any event anywhere). */
    private static Uni<Void> checkGroup(Access access, Changes<Event> changes) {
        Long group = changes.toOne("group");
        if (group == null || access.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        return EventGroup.<EventGroup>findById(group).invoke(found -> {
            if (found != null && !found.isDeleted() && !access.isSelf(found.userId)) {
                throw ApiException.relationship("group", "Only the group's owner may add events to it.");
            }
        }).replaceWithVoid();
    }

    /**
     * An event without an image of its own shows its topic's system image, as the original does: it is set when
     * the event gets a topic and has no image, or still shows the previous topic's image.
     */
    private Uni<Void> topicImage(Event event, Changes<Event> changes) {
        Long topic = changes.hasRelationship("event-topic") ? changes.toOne("event-topic") : event.eventTopicId;
        boolean imageSent = changes.has("original-image-url") && changes.value("original-image-url") != null;
        if (topic == null || imageSent || !changes.hasRelationship("event-topic") && !changes.has("original-image-url")
                && !changes.creating()) {
            return Uni.createFrom().voidItem();
        }
        Long previous = event.eventTopicId;
        return EventTopic.<EventTopic>list("id in ?1", previous == null ? Set.of(topic) : Set.of(topic, previous))
                .invoke(topics -> {
                    Map<Long, String> images = new HashMap<>();
                    topics.forEach(t -> images.put(t.id, t.systemImageUrl == null ? site.topicImageFallback()
                            : t.systemImageUrl));
                    String current = changes.has("original-image-url") ? null : event.originalImageUrl;
                    if (images.containsKey(topic) && (current == null || current.equals(images.get(previous)))) {
                        changes.put("original-image-url", images.get(topic));
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, Event event, Changes<Event> changes) {
        if (!event.endsAt.isAfter(event.startsAt)) {
            throw ApiException.attribute("ends-at", "ends-at should be after starts-at");
        }
        if (event.isDocumentEnabled && !validDocumentLinks(event.documentLinks)) {
            throw ApiException.attribute("document-links", "Enter required fields link and name");
        }
        event.chatRoomName = event.name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + event.identifier;
    }

    @Override
    public Uni<Void> saved(Access access, Event event, Change change) {
        return switch (change) {
            case CREATED -> EventRole.persist(EventRole.of(event.id, access.caller().userId(), Roles.OWNER))
                    .flatMap(ignored -> snapshots.publish(event));
            case REMOVED -> {
                if (event.deletedAt == null) {
                    event.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
                }
                event.changed();
                yield snapshots.publish(event).flatMap(ignored -> removeChildren(event.id));
            }
            default -> snapshots.publish(event);
        };
    }

    /** What belongs to an event removed for good goes with it. */
    private static Uni<Void> removeChildren(long eventId) {
        Uni<Long> chain = RoleInvite.delete("eventId", eventId);
        for (var child : List.<java.util.function.Supplier<Uni<Long>>>of(
                () -> Sponsor.delete("eventId", eventId), () -> Ticket.delete("eventId", eventId),
                () -> EventCopyright.delete("eventId", eventId), () -> SocialLink.delete("eventId", eventId),
                () -> SpeakersCall.delete("eventId", eventId), () -> EventRole.delete("eventId", eventId))) {
            chain = chain.flatMap(ignored -> child.get());
        }
        return chain.replaceWithVoid();
    }

    /** The condition of a user's events where they hold one of {@code roles} ({@code {user}} is the user). */
    private static String holding(List<String> roles) {
        return "x.id in (select r.eventId from EventRole r where r.userId = {user} and r.role in ("
                + String.join(", ", roles.stream().map(role -> "'" + role + "'").toList()) + "))";
    }

    /** Linkage of the users holding a role, for a page of events, in one query. */
    static Relationship.RemoteIds<Event> holders(String role) {
        return events -> {
            List<Long> ids = events.stream().map(ResourceEntity::id).toList();
            return EventRole.<EventRole>list("eventId in ?1 and role = ?2 order by id", Set.copyOf(ids), role)
                    .map(grants -> {
                        Map<Long, List<Long>> users = new HashMap<>();
                        grants.forEach(g -> users.computeIfAbsent(g.eventId, id -> new ArrayList<>()).add(g.userId));
                        return users;
                    });
        };
    }

    private static boolean validDocumentLinks(JsonNode links) {
        if (links == null || links.isNull()) {
            return true;
        }
        if (!links.isArray()) {
            return false;
        }
        for (JsonNode link : links) {
            if (!link.isObject() || link.path("name").asText("").isBlank() || link.path("link").asText("").isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Eight hex digits, never all digits (a numeric path segment is an id), unique. */
    private static Uni<String> uniqueIdentifier() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String candidate = HexFormat.of().formatHex(bytes);
        if (candidate.chars().allMatch(Character::isDigit)) {
            return uniqueIdentifier();
        }
        return Event.count("identifier", candidate).flatMap(taken -> taken > 0 ? uniqueIdentifier()
                : Uni.createFrom().item(candidate));
    }
}
