package org.openevent.session.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.persistence.JsonText;
import org.openevent.common.resource.EventChildEntity;

/** A speaker profile within one event; e-mail and mobile are private to organizers and the creator. */
@Entity
@Table(name = "speaker")
public class Speaker extends EventChildEntity {

    @Column(name = "creator_id")
    public Long creatorId;
    public String name;
    public String email;
    public String mobile;
    @Column(name = "photo_url")
    public String photoUrl;
    @Column(name = "short_biography")
    public String shortBiography;
    @Column(name = "long_biography")
    public String longBiography;
    @Column(name = "speaking_experience")
    public String speakingExperience;
    public String organisation;
    public String position;
    public String country;
    public String city;
    public String website;
    public String twitter;
    public String facebook;
    public String github;
    public String linkedin;
    public String gender;
    @Column(name = "is_featured")
    public boolean featured;
    @Column(name = "sort_order")
    public int sortOrder;
    @Column(name = "is_email_overridden")
    public boolean emailOverridden;
    public String address;
    @Column(name = "heard_from")
    public String heardFrom;
    @Column(name = "sponsorship_required")
    public String sponsorshipRequired;
    public String mastodon;
    public String instagram;
    @Column(name = "complex_field_values")
    @Convert(converter = JsonText.class)
    public JsonNode complexFieldValues;
    @Column(name = "speaker_positions")
    @Convert(converter = JsonText.class)
    public JsonNode speakerPositions;
}
