package org.openevent.common.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openevent.common.security.CallerIdentity;

/**
 * The decision logic of the read-your-writes fallback against a directory whose answers a test scripts: the
 * owner is asked before a denial, never before a grant, and the projection is read again after asking even when
 * the refresh changed nothing (the Kafka consumer may have applied the same snapshot in between).
 */
class AccessResolverTests {

    static final CallerIdentity OWNER = new CallerIdentity(7L, false);
    static final EventFacts PUBLISHED = facts("published");
    static final EventFacts DRAFT = facts("draft");

    @Test
    void aDenialIsRecomputedAfterAskingTheOwnerEvenWhenTheRefreshChangedNothing() {
        // First read: unknown. Meanwhile the consumer applies the snapshot, so the refresh finds nothing to do.
        ScriptedDirectory directory = new ScriptedDirectory(java.util.Arrays.asList(null, PUBLISHED), false, Set.of("owner"));
        Access access = resolve(directory, OWNER, Access::eventVisible);
        assertTrue(access.eventVisible(), "the second read sees the event the consumer applied");
        assertEquals(1, directory.refreshes);
    }

    @Test
    void aGrantNeverCallsTheOwner() {
        ScriptedDirectory directory = new ScriptedDirectory(List.of(PUBLISHED), false, Set.of());
        Access access = resolve(directory, CallerIdentity.ANONYMOUS, Access::eventVisible);
        assertTrue(access.eventVisible());
        assertEquals(0, directory.refreshes);
    }

    @Test
    void aDenialThatStandsAfterAskingTheOwnerIsReturnedForTheCallerToAnswer() {
        ScriptedDirectory directory = new ScriptedDirectory(List.of(DRAFT, DRAFT), false, Set.of());
        Access access = resolve(directory, new CallerIdentity(99L, false), Access::eventVisible);
        assertFalse(access.eventVisible(), "a stranger still does not see the draft");
        assertEquals(1, directory.refreshes);
    }

    @Test
    void aJustGrantedRoleCountsAfterTheRefresh() {
        ScriptedDirectory directory = new ScriptedDirectory(List.of(PUBLISHED, PUBLISHED), true, Set.of("coorganizer"));
        directory.rolesBeforeRefresh = Set.of();
        Access access = resolve(directory, OWNER, Access::isCoorganizer);
        assertTrue(access.isCoorganizer());
    }

    private static Access resolve(ScriptedDirectory directory, CallerIdentity caller,
                                  java.util.function.Predicate<Access> enough) {
        return new AccessResolver(directory).forEvent(caller, "1", enough).await().indefinitely();
    }

    private static EventFacts facts(String state) {
        return new EventFacts(1, "abcdef12", "Conf", state, "public", "UTC", OffsetDateTime.now(),
                OffsetDateTime.now().plusDays(1), null, true, false, null, 1);
    }

    /** Answers {@code byReference} from a list, one per call; roles change when the owner was asked. */
    static final class ScriptedDirectory implements EventDirectory {

        private final List<EventFacts> reads;
        private final boolean refreshChanges;
        private final Set<String> rolesAfterRefresh;
        Set<String> rolesBeforeRefresh;
        int refreshes;

        ScriptedDirectory(List<EventFacts> reads, boolean refreshChanges, Set<String> roles) {
            this.reads = new ArrayList<>(reads);
            this.refreshChanges = refreshChanges;
            this.rolesAfterRefresh = roles;
            this.rolesBeforeRefresh = roles;
        }

        @Override
        public Uni<EventFacts> byReference(String reference) {
            return Uni.createFrom().item(reads.size() > 1 ? reads.remove(0) : reads.get(0));
        }

        @Override
        public Uni<Map<Long, EventFacts>> byIds(Collection<Long> ids) {
            return Uni.createFrom().item(Map.of());
        }

        @Override
        public Uni<Map<Long, Set<String>>> rolesOf(long userId, Collection<Long> eventIds) {
            return Uni.createFrom().item(Map.of(1L, refreshes > 0 ? rolesAfterRefresh : rolesBeforeRefresh));
        }

        @Override
        public Uni<Boolean> refresh(String reference) {
            refreshes++;
            return Uni.createFrom().item(refreshChanges);
        }

        @Override
        public String eventsWithRoles(String userPlaceholder, String rolesPlaceholder) {
            return "";
        }
    }
}
