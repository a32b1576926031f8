package org.openevent.common.jsonapi.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openevent.common.jsonapi.ApiException;

/** The filter language compiled to HQL: every operator, nesting, and the rejection paths. */
class FilterCompilerTests {

    static final ResourceFields TRACK = ResourceFields.of("track", "Track")
            .field("name", "name", FieldType.STRING);
    static final ResourceFields SPEAKER = ResourceFields.of("speaker", "Speaker")
            .field("name", "name", FieldType.STRING)
            .guarded("email", "email", FieldType.STRING);
    static final ResourceFields SESSION = ResourceFields.of("session", "Session")
            .field("title", "title", FieldType.STRING)
            .field("state", "state", FieldType.STRING)
            .field("starts-at", "startsAt", FieldType.DATETIME)
            .field("ends-at", "endsAt", FieldType.DATETIME)
            .field("is-mail-sent", "mailSent", FieldType.BOOLEAN)
            .field("id", "id", FieldType.LONG)
            .field("rating", "rating", FieldType.DOUBLE)
            .relation("track", false, () -> TRACK, "{inner}.id = {outer}.trackId")
            .relation("speakers", true, () -> SPEAKER, "{inner}.id in (select l.speakerId from SessionSpeaker l where l.sessionId = {outer}.id)");

    static Where compile(String filter) {
        return FilterCompiler.compile(filter, SESSION, "s");
    }

    static ApiException rejected(String filter) {
        ApiException e = assertThrows(ApiException.class, () -> compile(filter));
        assertEquals(400, e.status());
        assertEquals("filter", e.toErrorObject().source().get("parameter"));
        return e;
    }

    @Test
    void absentOrEmptyFiltersRestrictNothing() {
        assertEquals("1 = 1", compile(null).clause());
        assertEquals("1 = 1", compile("").clause());
        assertEquals("1 = 1", compile("[]").clause());
        assertEquals("(1 = 1)", compile("[{\"or\": []}]").clause());
        assertEquals("(1 = 1)", compile("[{\"and\": []}]").clause());
    }

    @Test
    void comparisonsBindTypedValues() {
        Where where = compile("[{\"name\": \"state\", \"op\": \"eq\", \"val\": \"accepted\"},"
                + " {\"name\": \"starts_at\", \"op\": \"ge\", \"val\": \"2027-01-01T10:00:00+02:00\"},"
                + " {\"name\": \"id\", \"op\": \"lt\", \"val\": \"40\"}, {\"name\": \"rating\", \"op\": \"gt\", \"val\": 2.5}]");
        assertEquals("(s.state = :f0 and s.startsAt >= :f1 and s.id < :f2 and s.rating > :f3)", where.clause());
        assertEquals("accepted", where.parameters().get("f0"));
        assertEquals(OffsetDateTime.of(2027, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)), where.parameters().get("f1"));
        assertEquals(40L, where.parameters().get("f2"));
        assertEquals(2.5, where.parameters().get("f3"));
        assertEquals("(s.startsAt <= :f0)", compile("[{\"name\": \"starts-at\", \"op\": \"le\", \"val\": \"2027-01-01\"}]").clause());
    }

    @Test
    void nullComparisonsBecomeIsNull() {
        assertEquals("(s.title is null)", compile("[{\"name\": \"title\", \"op\": \"eq\", \"val\": null}]").clause());
        assertEquals("(s.title is not null)", compile("[{\"name\": \"title\", \"op\": \"ne\", \"val\": null}]").clause());
        assertEquals("(s.title is null)", compile("[{\"name\": \"title\", \"op\": \"is_\", \"val\": null}]").clause());
        assertEquals("(s.title is not null)", compile("[{\"name\": \"title\", \"op\": \"isnot\", \"val\": null}]").clause());
    }

    @Test
    void booleansAcceptJsonAndStrings() {
        assertEquals(Boolean.TRUE, compile("[{\"name\": \"is-mail-sent\", \"op\": \"eq\", \"val\": true}]").parameters().get("f0"));
        assertEquals(Boolean.FALSE, compile("[{\"name\": \"is-mail-sent\", \"op\": \"eq\", \"val\": \"false\"}]").parameters().get("f0"));
        assertEquals("(s.mailSent = :f0)", compile("[{\"name\": \"is-mail-sent\", \"op\": \"is_\", \"val\": \"true\"}]").clause());
        rejected("[{\"name\": \"is-mail-sent\", \"op\": \"eq\", \"val\": \"maybe\"}]");
    }

    @Test
    void textOperatorsEscapeWildcardsInTheValue() {
        assertEquals("(s.title like :f0)", compile("[{\"name\": \"title\", \"op\": \"like\", \"val\": \"%x%\"}]").clause());
        assertEquals("(lower(s.title) like lower(:f0))", compile("[{\"name\": \"title\", \"op\": \"ilike\", \"val\": \"%x%\"}]").clause());
        assertEquals("(s.title not like :f0)", compile("[{\"name\": \"title\", \"op\": \"notlike\", \"val\": \"a\"}]").clause());
        assertEquals("(lower(s.title) not like lower(:f0))", compile("[{\"name\": \"title\", \"op\": \"notilike\", \"val\": \"a\"}]").clause());
        Where starts = compile("[{\"name\": \"title\", \"op\": \"startswith\", \"val\": \"50%_off!\"}]");
        assertEquals("(s.title like :f0 escape '!')", starts.clause());
        assertEquals("50!%!_off!!%", starts.parameters().get("f0"));
        assertEquals("%abc", compile("[{\"name\": \"title\", \"op\": \"endswith\", \"val\": \"abc\"}]").parameters().get("f0"));
        assertEquals("%abc%", compile("[{\"name\": \"title\", \"op\": \"contains\", \"val\": \"abc\"}]").parameters().get("f0"));
    }

    @Test
    void membershipAndRanges() {
        Where in = compile("[{\"name\": \"state\", \"op\": \"in_\", \"val\": [\"accepted\", \"confirmed\"]}]");
        assertEquals("(s.state in :f0)", in.clause());
        assertEquals(List.of("accepted", "confirmed"), in.parameters().get("f0"));
        assertEquals("(s.id not in :f0)", compile("[{\"name\": \"id\", \"op\": \"notin_\", \"val\": [1, \"2\"]}]").clause());
        assertEquals("(1 = 0)", compile("[{\"name\": \"id\", \"op\": \"in_\", \"val\": []}]").clause());
        assertEquals("(1 = 1)", compile("[{\"name\": \"id\", \"op\": \"notin_\", \"val\": []}]").clause());
        assertEquals("(s.startsAt between :f0 and :f1)",
                compile("[{\"name\": \"starts-at\", \"op\": \"between\", \"val\": [\"2027-01-01\", \"2027-02-01\"]}]").clause());
        rejected("[{\"name\": \"starts-at\", \"op\": \"between\", \"val\": [\"2027-01-01\"]}]");
        rejected("[{\"name\": \"id\", \"op\": \"in_\", \"val\": 3}]");
    }

    @Test
    void booleanCombinatorsNest() {
        assertEquals("((s.state = :f0 or (s.title = :f1 and not (s.id = :f2))))",
                compile("[{\"or\": [{\"name\": \"state\", \"op\": \"eq\", \"val\": \"a\"}, {\"and\": ["
                        + "{\"name\": \"title\", \"op\": \"eq\", \"val\": \"t\"},"
                        + " {\"not\": {\"name\": \"id\", \"op\": \"eq\", \"val\": 1}}]}]}]").clause());
    }

    @Test
    void fieldComparisonsUseOnlyDeclaredFields() {
        assertEquals("(s.startsAt < s.endsAt)",
                compile("[{\"name\": \"starts-at\", \"op\": \"lt\", \"field\": \"ends-at\"}]").clause());
        rejected("[{\"name\": \"starts-at\", \"op\": \"lt\", \"field\": \"password\"}]");
    }

    @Test
    void hasAndAnyCrossDeclaredRelationships() {
        assertEquals("(exists (select 1 from Track n1 where n1.id = s.trackId and n1.name = :f0))",
                compile("[{\"name\": \"track\", \"op\": \"has\", \"val\": {\"name\": \"name\", \"op\": \"eq\", \"val\": \"Web\"}}]").clause());
        assertEquals("(exists (select 1 from Speaker n1 where n1.id in (select l.speakerId from SessionSpeaker l "
                        + "where l.sessionId = s.id) and lower(n1.name) like lower(:f0)))",
                compile("[{\"name\": \"speakers\", \"op\": \"any\", \"val\": {\"name\": \"name\", \"op\": \"ilike\", \"val\": \"%ada%\"}}]").clause());
        rejected("[{\"name\": \"speakers\", \"op\": \"has\", \"val\": {\"name\": \"name\", \"op\": \"eq\", \"val\": \"x\"}}]");
        rejected("[{\"name\": \"event\", \"op\": \"has\", \"val\": {\"name\": \"name\", \"op\": \"eq\", \"val\": \"x\"}}]");
    }

    @Test
    void everythingElseIsA400NamingTheFilter() {
        rejected("not json");
        rejected("\"a string\"");
        rejected("[1, 2]");
        rejected("[{\"name\": \"password\", \"op\": \"eq\", \"val\": \"x\"}]");
        rejected("[{\"name\": \"title\", \"op\": \"regexp\", \"val\": \"x\"}]");
        rejected("[{\"name\": \"title\", \"op\": \"eq\"}]".replace("eq\"", "lt\""));
        rejected("[{\"name\": \"id\", \"op\": \"eq\", \"val\": \"1; drop table session\"}]");
        rejected("[{\"name\": \"starts-at\", \"op\": \"eq\", \"val\": \"yesterday\"}]");
        rejected("[{\"name\": \"rating\", \"op\": \"eq\", \"val\": \"NaN\"}]");
        rejected("[{\"op\": \"eq\", \"val\": 1}]");
        rejected("[{\"name\": \"title\", \"op\": \"eq\", \"val\": {\"a\": 1}}]");
        rejected("[" + "{\"not\": ".repeat(20) + "{\"name\": \"id\", \"op\": \"eq\", \"val\": 1}" + "}".repeat(20) + "]");
        rejected("[" + "{\"name\": \"id\", \"op\": \"eq\", \"val\": 1},".repeat(150) + "{\"name\": \"id\", \"op\": \"eq\", \"val\": 1}]");
    }

    @Test
    void inputTextNeverReachesTheClause() {
        String hostile = "x' or 1=1 --";
        Where where = compile("[{\"name\": \"title\", \"op\": \"eq\", \"val\": \"" + hostile + "\"}]");
        assertFalse(where.clause().contains(hostile));
        assertTrue(where.parameters().containsValue(hostile));
    }

    @Test
    void sortIsWhitelistedAndStable() {
        assertEquals("s.startsAt desc, s.title asc, s.id asc", SortCompiler.compile("-starts-at,title", SESSION, "s", null));
        assertEquals("s.startsAt asc, s.id asc", SortCompiler.compile(null, SESSION, "s", "s.startsAt asc"));
        ApiException e = assertThrows(ApiException.class, () -> SortCompiler.compile("password", SESSION, "s", null));
        assertEquals("sort", e.toErrorObject().source().get("parameter"));
        assertThrows(ApiException.class, () -> SortCompiler.compile("title,", SESSION, "s", null));
    }

    @Test
    void guardedFieldsMatchOnlyWhereTheCallerMayReadThem() {
        FilterCompiler.Restrictions mine = new FilterCompiler.Restrictions() {
            @Override
            public String condition(ResourceFields target, String alias, java.util.function.Function<Object, String> bind) {
                return null;
            }

            @Override
            public String guard(ResourceFields target, Field field, String alias,
                                java.util.function.Function<Object, String> bind) {
                return alias + ".creatorId = " + bind.apply(7L);
            }
        };
        Where where = FilterCompiler.compile("[{\"name\": \"speakers\", \"op\": \"any\", \"val\": {\"not\":"
                + " {\"name\": \"email\", \"op\": \"eq\", \"val\": \"ada@example.org\"}}}]", SESSION, "s", mine);
        assertEquals("(exists (select 1 from Speaker n1 where n1.id in (select l.speakerId from SessionSpeaker l where "
                + "l.sessionId = s.id) and not ((n1.email = :f0 and (n1.creatorId = :f1)))))", where.clause());
        assertEquals(7L, where.parameters().get("f1"));
        // Without a guard (a caller nothing is known of), a private value matches nothing.
        assertTrue(FilterCompiler.compile("[{\"name\": \"speakers\", \"op\": \"any\", \"val\": {\"name\": "
                + "\"email\", \"op\": \"eq\", \"val\": \"x\"}}]", SESSION, "s").clause()
                .contains("n1.email = :f0 and (1 = 0)"));
        // Guarded fields are never sortable: their order would tell the values.
        ApiException sort = assertThrows(ApiException.class, () -> SortCompiler.compile("email", SPEAKER, "s", null));
        assertEquals("sort", sort.toErrorObject().source().get("parameter"));
    }
}
