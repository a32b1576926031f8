package org.openevent.user.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** A user account; {@code version} increases with every change and orders its published snapshots. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    public static final String USER_ROLE = "user";
    public static final String ADMIN_ROLE = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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
    @Column(name = "is_admin")
    public boolean admin;
    @Column(name = "is_super_admin")
    public boolean superAdmin;
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    /** Whether the account holds platform staff rights. */
    public boolean isStaff() {
        return admin || superAdmin;
    }

    /** The global roles carried in tokens and published snapshots. */
    public List<String> roles() {
        return isStaff() ? List.of(USER_ROLE, ADMIN_ROLE) : List.of(USER_ROLE);
    }

    /** The name shown to others: the chosen public name, else first and last name. */
    public String displayName() {
        if (publicName != null && !publicName.isBlank()) {
            return publicName;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? null : joined;
    }
}
