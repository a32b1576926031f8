package org.openevent.event.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openevent.common.resource.ResourceEntity;
import org.openevent.event.domain.Slugged;

/** URL-friendly names derived from a row's name, unique among the rows of its kind. */
public final class Slugs {

    private Slugs() {
    }

    /** "Science &amp; Technology" → "science-technology"; "slug" when nothing is left. */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 200) {
            slug = slug.substring(0, 200).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "slug" : slug;
    }

    /**
     * Gives {@code row} the slug of {@code name} (its name once the write applies), with "-2", "-3", ... when another row of {@code entity} (within the
     * rows matching {@code scope}, an HQL condition on {@code s}) already has it. One query; runs in the write's
     * session before the row is flushed.
     */
    public static <E extends ResourceEntity & Slugged> Uni<Void> assign(E row, String name, String entity,
                                                                        String scope, Object scopeValue) {
        String base = of(name);
        String hql = "select s.slug from " + entity + " s where (s.slug = :base or s.slug like :prefix)"
                + (row.id() == null ? "" : " and s.id <> :self") + (scope == null ? "" : " and " + scope);
        return Panache.getSession().flatMap(session -> {
            var query = session.createSelectionQuery(hql, String.class)
                    .setParameter("base", base).setParameter("prefix", base + "-%");
            if (row.id() != null) {
                query.setParameter("self", row.id());
            }
            if (scope != null) {
                query.setParameter("scope", scopeValue);
            }
            return query.getResultList();
        }).invoke(taken -> row.slug(free(base, taken))).replaceWithVoid();
    }

    private static String free(String base, List<String> taken) {
        Set<String> used = new HashSet<>(taken);
        if (!used.contains(base)) {
            return base;
        }
        int n = 2;
        while (used.contains(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
    }
}
