package org.openevent.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.List;
import org.openevent.common.resource.ResourceEntity;

/** A user account; {@code version} increases with every change and orders its published snapshots. */
@Entity
@Table(name = "app_user")
public class User extends ResourceEntity {

    public static final String USER_ROLE = "user";
    public static final String ADMIN_ROLE = "admin";

    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "public_name")
    public String publicName;
    @Column(name = "avatar_url")
    public String avatarUrl;
    @Column(name = "facebook_url")
    public String facebookUrl;
    @Column(name = "twitter_url")
    public String twitterUrl;
    @Column(name = "instagram_url")
    public String instagramUrl;
    @Column(name = "google_plus_url")
    public String googlePlusUrl;
    @Column(name = "original_image_url")
    public String originalImageUrl;
    @Column(name = "thumbnail_image_url")
    public String thumbnailImageUrl;
    @Column(name = "small_image_url")
    public String smallImageUrl;
    @Column(name = "icon_image_url")
    public String iconImageUrl;
    @Column(name = "is_profile_public")
    public boolean profilePublic;
    @Column(name = "was_registered_with_order")
    public boolean registeredWithOrder;
    @Column(name = "is_admin")
    public boolean admin;
    @Column(name = "is_super_admin")
    public boolean superAdmin;
    @Column(name = "is_sales_admin")
    public boolean salesAdmin;
    @Column(name = "is_marketer")
    public boolean marketer;
    @Column(name = "is_verified")
    public boolean verified;
    @Column(name = "is_blocked")
    public boolean blocked;
    @Column(name = "last_accessed_at")
    public OffsetDateTime lastAccessedAt;
    public String details;
    @Column(name = "language_prefrence")
    public String languagePrefrence;
    public String contact;
    @Column(name = "billing_contact_name")
    public String billingContactName;
    @Column(name = "billing_phone")
    public String billingPhone;
    @Column(name = "billing_state")
    public String billingState;
    @Column(name = "billing_country")
    public String billingCountry;
    @Column(name = "billing_tax_info")
    public String billingTaxInfo;
    public String company;
    @Column(name = "billing_address")
    public String billingAddress;
    @Column(name = "billing_city")
    public String billingCity;
    @Column(name = "billing_zip_code")
    public String billingZipCode;
    @Column(name = "billing_additional_info")
    public String billingAdditionalInfo;
    @Column(name = "is_user_owner", insertable = false, updatable = false)
    public boolean userOwner;
    @Column(name = "is_user_organizer", insertable = false, updatable = false)
    public boolean userOrganizer;
    @Column(name = "is_user_coorganizer", insertable = false, updatable = false)
    public boolean userCoorganizer;
    @Column(name = "is_user_track_organizer", insertable = false, updatable = false)
    public boolean userTrackOrganizer;
    @Column(name = "is_user_moderator", insertable = false, updatable = false)
    public boolean userModerator;
    @Column(name = "is_user_registrar", insertable = false, updatable = false)
    public boolean userRegistrar;
    @Column(name = "token_generation")
    public long tokenGeneration;
    /** Set on the account just signed up, so the answer to the sign-up shows the new user its own profile. */
    @Transient
    public boolean justSignedUp;
    /** Set by a change that must revoke the account's tokens once it is applied. */
    @Transient
    public boolean tokensToRevoke;
    /** Set by a change that needs a new verification mail (sign-up, new address). */
    @Transient
    public boolean verificationDue;

    /** Whether the account holds platform staff rights. */
    public boolean isStaff() {
        return admin || superAdmin;
    }

    /** The global roles carried in tokens and published snapshots. */
    public List<String> roles() {
        return isStaff() ? List.of(USER_ROLE, ADMIN_ROLE) : List.of(USER_ROLE);
    }

    /** Makes every token minted so far unusable, everywhere (password, block, deletion, restore, demotion). */
    public void revokeTokens() {
        tokenGeneration++;
    }

    /** The name shown to others: the chosen public name, else first and last name. */
    public String displayName() {
        if (publicName != null && !publicName.isBlank()) {
            return publicName;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? null : joined;
    }

    /** The original's {@code fullname}: first and last name, or null. */
    public String fullName() {
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? null : joined;
    }
}
