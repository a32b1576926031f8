package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
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

    public Uni<List<User>> page(boolean withDeleted, Page page) {
        return (withDeleted ? findAll(Sort.by("id")) : find(LIVE, Sort.by("id"))).page(page).list();
    }

    public Uni<Long> total(boolean withDeleted) {
        return withDeleted ? count() : count(LIVE);
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
