package org.openevent.common.persistence;

import java.util.List;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.query.hql.internal.HqlParseTreeBuilder;
import org.jboss.logging.Logger;

/**
 * Teaches Hibernate's HQL parser the shapes of the kit's queries once, in the background, soon after start. The
 * parser learns its prediction tables lazily and shares them process-wide: the first statement with nested
 * conditions and subqueries took 4 to 8 s of CPU, on an event loop, in whichever request came first (a remote include
 * then timed out as a 503); once warmed, a new statement of another shape takes a few milliseconds.
 */
public final class HqlWarmUp {

    private static final Logger LOG = Logger.getLogger(HqlWarmUp.class);

    /** Syntax only: the names need not exist. They cover what the kit writes: visibility, includes, counts, writes. */
    static final List<String> SHAPES = List.of(
            "select x from A x where x.eventId = :p1 and x.deletedAt is null and (x.state in ('a', 'b') or (x.creatorId"
                    + " = :p2 or exists (select 1 from B l, C s where l.sessionId = x.id and s.id = l.speakerId and"
                    + " s.creatorId = :p2 and s.deletedAt is null)) or exists (select 1 from D i where i.sessionId ="
                    + " x.id and lower(i.email) = :p3)) and (x.id in (select t.id from T t where t.eventId = :p4) or"
                    + " x.trackId is null) order by x.startsAt asc nulls last, x.id desc",
            "select o.id, t.id from A o, B t where o.id in (:p1, :p2, :p3) and t.id = o.trackId and t.deletedAt is null"
                    + " and (t.id in (select r.eventId from R r where r.userId = :p4 and r.role in (:p5)) or not"
                    + " exists (select 1 from K k where k.userId = t.id)) order by o.id, t.id",
            "select count(x) from A x where x.deletedAt is null and 1=1 and (lower(x.name) like :p1 escape '\\\\' or"
                    + " x.startsAt >= :p2 and x.endsAt < :p3 or x.privacy <> :p4 and x.id not in (:p5, :p6))",
            "select x.eventId, count(x), max(x.updatedAt) from A x where x.eventId in (:p1) and (x.state = :p2 or"
                    + " x.state is null) group by x.eventId having count(x) > 0",
            "update A x set x.version = x.version + 1, x.deletedAt = :p1 where x.id = :p2 and x.version = :p3",
            "delete from A x where x.eventId = :p1 and x.userId in (:p2, :p3)",
            "from A e where e.groupId = :group or e.id in :ids order by e.id");

    private HqlWarmUp() {
    }

    /** Parses every shape once; runs after the start (StartupSettling), never on an event loop. */
    public static void warm() {
        long started = System.nanoTime();
        try {
            for (String hql : SHAPES) {
                // As Hibernate's translator first tries it: SLL prediction, which fills the shared tables.
                HqlParser parser = HqlParseTreeBuilder.INSTANCE.buildHqlParser(hql,
                        HqlParseTreeBuilder.INSTANCE.buildHqlLexer(hql));
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                parser.statement();
            }
            LOG.debugf("HQL parser warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            // Only a speed-up: a parser that changed shape must not keep a service from starting.
            LOG.debugf(e, "HQL parser warm-up skipped");
        }
    }
}
