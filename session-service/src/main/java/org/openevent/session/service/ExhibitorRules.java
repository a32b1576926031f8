package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.Exhibitor;
import org.openevent.session.repository.ExhibitorSessionRepository;

/**
 * Exhibitors of an event: managed by its co-organizers, public once accepted (pending and rejected ones only for
 * the event's co-organizers), linked to the sessions they present at.
 */
@ApplicationScoped
public class ExhibitorRules implements ResourceRules<Exhibitor> {

    static final ResourceType<Exhibitor> TYPE = ResourceType.define("exhibitor", "exhibitors", Exhibitor.class,
                    Exhibitor::new)
            .string("name", e -> e.name, (e, v) -> e.name = v).required().notBlank()
            .string("status", e -> e.status, (e, v) -> e.status = v).notNull().defaultTo(Exhibitor.PENDING)
            .oneOf(Exhibitor.STATUSES)
            .text("description", e -> e.description, (e, v) -> e.description = v)
            .url("url", e -> e.url, (e, v) -> e.url = v)
            .integer("position", e -> e.position, (e, v) -> e.position = v).notNull().defaultTo(0)
            .url("logoUrl", e -> e.logoUrl, (e, v) -> e.logoUrl = v)
            .url("bannerUrl", e -> e.bannerUrl, (e, v) -> e.bannerUrl = v)
            .url("thumbnailImageUrl", e -> e.thumbnailImageUrl, (e, v) -> e.thumbnailImageUrl = v)
            .url("videoUrl", e -> e.videoUrl, (e, v) -> e.videoUrl = v)
            .url("slidesUrl", e -> e.slidesUrl, (e, v) -> e.slidesUrl = v)
            .string("contactEmail", e -> e.contactEmail, (e, v) -> e.contactEmail = v).max(320).email()
            .url("contactLink", e -> e.contactLink, (e, v) -> e.contactLink = v)
            .bool("enableVideoRoom", e -> e.enableVideoRoom, (e, v) -> e.enableVideoRoom = v).notNull()
            .defaultTo(false)
            .json("socialLinks", e -> e.socialLinks, (e, v) -> e.socialLinks = v).check(JsonShapes.LINKS)
            .timestamps()
            .childOfEvent()
            .joined("sessions", true, "session",
                    "{t}.id in (select l.sessionId from ExhibitorSession l where l.exhibitorId = {o}.id)")
            .writable()
            .defaultOrder("x.position asc, x.name asc")
            .build();

    private final ExhibitorSessionRepository links;

    public ExhibitorRules(ExhibitorSessionRepository links) {
        this.links = links;
    }

    @Override
    public ResourceType<Exhibitor> type() {
        return TYPE;
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.isStaff() || access.event() != null && access.isCoorganizer()) {
            return null;
        }
        String condition = alias + ".status = 'accepted'";
        if (access.event() == null && access.isSignedIn()) {
            condition += " or " + EventRoleQueries.managedBy(alias, bind.apply(access.caller().userId()), bind);
        }
        return "(" + condition + ")";
    }

    @Override
    public boolean canSee(Access access, Exhibitor exhibitor) {
        return access.isCoorganizer() || exhibitor.isPublic();
    }

    @Override
    public Uni<Void> replaceMembers(Exhibitor exhibitor, String relationship, List<Long> ids) {
        return links.replace(exhibitor.id, ids);
    }
}
