package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.QueryPage;
import org.openevent.common.jsonapi.query.FieldType;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.user.domain.User;

/** Queries over user accounts; e-mail addresses compare case-insensitively. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    private static final String LIVE = "deletedAt is null";

    /** The live (not deleted) account with this e-mail address, or null. */
    public Uni<User> findLiveByEmail(String email) {
        return find("lower(email) = ?1 and deletedAt is null", normalize(email)).firstResult();
    }

    /** Whether a live account other than {@code exceptId} already uses this address. */
    public Uni<Boolean> emailTaken(String email, Long exceptId) {
        return count("lower(email) = ?1 and deletedAt is null and id <> ?2", normalize(email),
                exceptId == null ? -1L : exceptId).map(count -> count > 0);
    }

    /** What admins may filter and sort accounts on (alias {@code u}); never the password hash. */
    public static final ResourceFields FIELDS = ResourceFields.of("user", "User")
            .field("id", "id", FieldType.LONG)
            .field("email", "email", FieldType.STRING)
            .field("first-name", "firstName", FieldType.STRING)
            .field("last-name", "lastName", FieldType.STRING)
            .field("public-name", "publicName", FieldType.STRING)
            .field("is-admin", "admin", FieldType.BOOLEAN)
            .field("is-super-admin", "superAdmin", FieldType.BOOLEAN)
            .field("created-at", "createdAt", FieldType.DATETIME)
            .field("deleted-at", "deletedAt", FieldType.DATETIME);

    /** A page of accounts matching the query; deleted ones only {@code withDeleted}. */
    public Uni<QueryPage<User>> page(boolean withDeleted, ListQuery query) {
        return QueryPage.fetch(this, "from User u where (u.deletedAt is null or :trashed = true)",
                Map.of("trashed", withDeleted), query);
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
