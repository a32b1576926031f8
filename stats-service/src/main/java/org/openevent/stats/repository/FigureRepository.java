package org.openevent.stats.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openevent.common.persistence.NativeSql;
import org.openevent.stats.domain.Aggregate;
import org.openevent.stats.domain.Figures.TaxonomyCount;
import org.openevent.stats.domain.Snapshot;

/**
 * The maintained figures: snapshots go through the SQL apply functions (V10__statistics.sql), figures are read by
 * name. Every read is a lookup of a fixed number of rows, whatever the number of events, sessions or users.
 */
@ApplicationScoped
public class FigureRepository {

    private final ObjectMapper rows;

    public FigureRepository(ObjectMapper mapper) {
        this.rows = mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /**
     * Applies snapshots of one kind in the current transaction; yields how many were newer than what was applied.
     * The batch is bound as text: the driver would send a String bound to a jsonb parameter as one JSON string.
     */
    public Uni<Integer> apply(Aggregate aggregate, List<? extends Snapshot> snapshots) {
        String batch = json(snapshots);
        return Panache.getSession().flatMap(session -> NativeSql.value(session,
                        "SELECT stats_apply_" + aggregate.key() + "(CAST(CAST($1 AS text) AS jsonb))", batch))
                .map(NativeSql::asInt);
    }

    /** The rows the SQL functions read: snapshots as a JSON array with snake_case names. */
    public String json(List<? extends Snapshot> snapshots) {
        try {
            return rows.writeValueAsString(snapshots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Snapshots cannot be written as JSON", e);
        }
    }

    /** Platform figures by name; a figure that never counted anything is absent. */
    public Uni<Map<String, Long>> platform(Collection<String> names) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session,
                        "SELECT figure, value FROM stat_figure WHERE scope = 0 AND figure = ANY($1)",
                        new Object[] {names.toArray(String[]::new)}))
                .map(FigureRepository::byName);
    }

    /**
     * Platform figures by name, and the daily figures {@code <prefix><day>} of the days from {@code first} to
     * {@code last}, in one statement; a figure that never counted anything is absent.
     */
    public Uni<Map<String, Long>> platform(Collection<String> names, String dailyPrefix, LocalDate first,
                                           LocalDate last) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session,
                        "SELECT figure, value FROM stat_figure WHERE scope = 0 "
                                + "AND (figure = ANY($1) OR figure BETWEEN $2 AND $3)",
                        names.toArray(String[]::new), dailyPrefix + first, dailyPrefix + last))
                .map(FigureRepository::byName);
    }

    /**
     * Published events still counted as not ended whose end has passed: those that ended since the last roll-over,
     * found through the end-time index (a handful, since the roll-over runs every minute).
     */
    public Uni<Long> endedSinceRollOver() {
        return Panache.getSession()
                .flatMap(session -> NativeSql.value(session, "SELECT stats_ended_since_roll_over(now())"))
                .map(NativeSql::asLong);
    }

    /** Mails sent in the last 1, 3, 7 and 30 days, by window name ({@code one-day}, ...). */
    public Uni<Map<String, Long>> mailWindows() {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, "SELECT name, mails FROM stats_mail_windows(now())"))
                .map(FigureRepository::byName);
    }

    /** The live event types or topics ({@code kind}) with their numbers of live events, by name. */
    public Uni<List<TaxonomyCount>> taxonomy(String kind) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session,
                        "SELECT t.name, t.id, coalesce(f.value, 0) FROM stat_taxonomy t "
                                + "LEFT JOIN stat_figure f ON f.scope = 0 AND f.figure = t.kind || '@' || t.id "
                                + "WHERE t.kind = $1 AND t.live ORDER BY t.name, t.id", kind))
                .map(found -> found.stream().map(row -> new TaxonomyCount((String) row[0],
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList());
    }

    /** Moves the published events that ended by {@code at} into the past figures; yields how many moved. */
    public Uni<Integer> rollOver(OffsetDateTime at) {
        return Panache.getSession().flatMap(session -> NativeSql.value(session, "SELECT stats_roll_over($1)", at))
                .map(NativeSql::asInt);
    }

    private static Map<String, Long> byName(List<Object[]> found) {
        Map<String, Long> figures = new HashMap<>();
        found.forEach(row -> figures.put((String) row[0], ((Number) row[1]).longValue()));
        return figures;
    }
}
