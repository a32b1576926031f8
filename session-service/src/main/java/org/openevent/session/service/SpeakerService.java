package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.messaging.Outbox;
import org.openevent.session.domain.Speaker;
import org.openevent.session.repository.SpeakerRepository;
import org.openevent.session.repository.ScheduleVersionRepository;
import org.openevent.session.rest.SpeakerAttributes;

/**
 * Speakers: any signed-in user may propose one for a published event (and becomes its creator); the
 * creator and the event's managers may change it. Featuring and ordering are the managers' call.
 */
// Singleton: a client proxy would need a no-args constructor, which the shared base class does not have.
@Singleton
public class SpeakerService extends EventChildService<Speaker, SpeakerAttributes> {

    private final SpeakerRepository speakers;

    public SpeakerService(SpeakerRepository repository, EventAccessService access, Outbox outbox,
                          ScheduleVersionRepository scheduleVersions) {
        super(repository, access, outbox, scheduleVersions, "Speaker", "speaker", MessageTypes.SPEAKER_UPSERTED);
        this.speakers = repository;
    }

    @Override
    protected boolean mayCreate(EventAccess access) {
        return true;
    }

    @Override
    protected boolean mayChange(EventAccess access, Speaker speaker) {
        return access.isManager() || access.isCreator(speaker.creatorId);
    }

    @Override
    protected ApiException forbidden() {
        return ApiException.forbidden("Only the speaker's creator or an organizer may change it.");
    }

    @Override
    protected Speaker build(SpeakerAttributes attributes, EventAccess access) {
        Speaker speaker = new Speaker();
        speaker.creatorId = access.caller().userId();
        speaker.name = attributes.name();
        apply(speaker, attributes, access);
        return speaker;
    }

    @Override
    protected void apply(Speaker speaker, SpeakerAttributes a, EventAccess access) {
        speaker.name = orElse(a.name(), speaker.name);
        speaker.email = orElse(a.email(), speaker.email);
        speaker.mobile = orElse(a.mobile(), speaker.mobile);
        speaker.photoUrl = orElse(a.photoUrl(), speaker.photoUrl);
        speaker.shortBiography = orElse(a.shortBiography(), speaker.shortBiography);
        speaker.longBiography = orElse(a.longBiography(), speaker.longBiography);
        speaker.speakingExperience = orElse(a.speakingExperience(), speaker.speakingExperience);
        speaker.organisation = orElse(a.organisation(), speaker.organisation);
        speaker.position = orElse(a.position(), speaker.position);
        speaker.country = orElse(a.country(), speaker.country);
        speaker.city = orElse(a.city(), speaker.city);
        speaker.website = orElse(a.website(), speaker.website);
        speaker.twitter = orElse(a.twitter(), speaker.twitter);
        speaker.facebook = orElse(a.facebook(), speaker.facebook);
        speaker.github = orElse(a.github(), speaker.github);
        speaker.linkedin = orElse(a.linkedin(), speaker.linkedin);
        speaker.gender = orElse(a.gender(), speaker.gender);
        // The frontend sends every attribute on save, so a speaker's own edit must not fail on these.
        if (access.isManager()) {
            speaker.featured = orElse(a.isFeatured(), speaker.featured);
            speaker.sortOrder = orElse(a.order(), speaker.sortOrder);
        }
    }

    @Override
    protected Uni<Void> check(long eventId, Long id, SpeakerAttributes attributes) {
        if (attributes.email() == null) {
            return Uni.createFrom().voidItem();
        }
        return speakers.emailTaken(eventId, attributes.email(), id).invoke(taken -> {
            if (taken) {
                throw ApiException.conflict(ATTRIBUTES + "email", "Speaker with this Email ID already exists.");
            }
        }).replaceWithVoid();
    }

    @Override
    protected Object payload(Speaker speaker, long scheduleVersion) {
        // The e-mail address is private and never leaves the service.
        return new SpeakerPayload(speaker.id, speaker.eventId, scheduleVersion, speaker.name, speaker.organisation, speaker.position,
                speaker.deletedAt);
    }

    @Override
    public ResourceFields fields() {
        return QueryableFields.SPEAKER;
    }

    @Override
    public String defaultOrder() {
        return "x.sortOrder asc";
    }
}
