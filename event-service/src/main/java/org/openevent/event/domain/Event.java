package org.openevent.event.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.openevent.common.persistence.JsonText;
import org.openevent.common.resource.ResourceEntity;

/** An event with every attribute of the original this platform owns; {@code version} orders its snapshots. */
@Entity
@Table(name = "event")
public class Event extends ResourceEntity {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    public String identifier;
    public String name;
    public String description;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    public String timezone;
    @Column(name = "location_name")
    public String locationName;
    @Column(name = "searchable_location_name")
    public String searchableLocationName;
    public Double latitude;
    public Double longitude;
    public boolean online;
    @Column(name = "external_event_url")
    public String externalEventUrl;
    @Column(name = "logo_url")
    public String logoUrl;
    @Column(name = "public_stream_link")
    public String publicStreamLink;
    @Column(name = "stream_loop")
    public boolean streamLoop;
    @Column(name = "stream_autoplay")
    public boolean streamAutoplay;
    @Column(name = "after_order_message")
    public String afterOrderMessage;
    @Column(name = "original_image_url")
    public String originalImageUrl;
    @Column(name = "thumbnail_image_url")
    public String thumbnailImageUrl;
    @Column(name = "large_image_url")
    public String largeImageUrl;
    @Column(name = "icon_image_url")
    public String iconImageUrl;
    @Column(name = "show_remaining_tickets")
    public boolean showRemainingTickets;
    @Column(name = "owner_name")
    public String ownerName;
    @Column(name = "is_map_shown")
    public Boolean isMapShown;
    @Column(name = "is_oneclick_signup_enabled")
    public Boolean isOneclickSignupEnabled;
    @Column(name = "has_owner_info")
    public Boolean hasOwnerInfo;
    @Column(name = "owner_description")
    public String ownerDescription;
    @Column(name = "is_sessions_speakers_enabled")
    public boolean isSessionsSpeakersEnabled;
    public String privacy;
    public String state;
    @Column(name = "ticket_url")
    public String ticketUrl;
    @Column(name = "code_of_conduct")
    public String codeOfConduct;
    @Column(name = "schedule_published_on")
    public OffsetDateTime schedulePublishedOn;
    @Column(name = "is_featured")
    public boolean isFeatured;
    @Column(name = "is_promoted")
    public boolean isPromoted;
    @Column(name = "is_demoted")
    public boolean isDemoted;
    @Column(name = "is_announced")
    public boolean isAnnounced;
    @Column(name = "is_ticket_form_enabled")
    public boolean isTicketFormEnabled;
    @Column(name = "is_cfs_enabled")
    public boolean isCfsEnabled;
    @Column(name = "payment_country")
    public String paymentCountry;
    @Column(name = "payment_currency")
    public String paymentCurrency;
    @Column(name = "paypal_email")
    public String paypalEmail;
    @Column(name = "is_tax_enabled")
    public boolean isTaxEnabled;
    @Column(name = "is_billing_info_mandatory")
    public boolean isBillingInfoMandatory;
    @Column(name = "is_donation_enabled")
    public boolean isDonationEnabled;
    @Column(name = "is_chat_enabled")
    public boolean isChatEnabled;
    @Column(name = "is_videoroom_enabled")
    public boolean isVideoroomEnabled;
    @Column(name = "is_document_enabled")
    public boolean isDocumentEnabled;
    @Convert(converter = JsonText.class)
    @Column(name = "document_links")
    public JsonNode documentLinks;
    @Column(name = "chat_room_name")
    public String chatRoomName;
    @Column(name = "can_pay_by_paypal")
    public boolean canPayByPaypal;
    @Column(name = "can_pay_by_stripe")
    public boolean canPayByStripe;
    @Column(name = "can_pay_by_cheque")
    public boolean canPayByCheque;
    @Column(name = "can_pay_by_bank")
    public boolean canPayByBank;
    @Column(name = "can_pay_by_invoice")
    public boolean canPayByInvoice;
    @Column(name = "can_pay_onsite")
    public boolean canPayOnsite;
    @Column(name = "can_pay_by_omise")
    public boolean canPayByOmise;
    @Column(name = "can_pay_by_alipay")
    public boolean canPayByAlipay;
    @Column(name = "can_pay_by_paytm")
    public boolean canPayByPaytm;
    @Column(name = "cheque_details")
    public String chequeDetails;
    @Column(name = "invoice_details")
    public String invoiceDetails;
    @Column(name = "bank_details")
    public String bankDetails;
    @Column(name = "onsite_details")
    public String onsiteDetails;
    @Column(name = "is_sponsors_enabled")
    public boolean isSponsorsEnabled;
    @Column(name = "refund_policy")
    public String refundPolicy;
    @Column(name = "is_badges_enabled")
    public boolean isBadgesEnabled;
    @Column(name = "event_type_id")
    public Long eventTypeId;
    @Column(name = "event_topic_id")
    public Long eventTopicId;
    @Column(name = "event_sub_topic_id")
    public Long eventSubTopicId;
    @Column(name = "group_id")
    public Long groupId;

    public boolean isPublished() {
        return PUBLISHED.equals(state);
    }
}
