package dev.impress.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.json.Json;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioLibrary;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseTest {
    @Test
    void aReleasedTryKeepsItsNumberSoTheNextTryDoesNotCollideWithItsEvents(@TempDir Path dir) {
        TrialStore store = new TrialStore(Store.open(dir.resolve("lease.db").toString()));
        Scenario s = ScenarioLibrary.load(List.of("full"), new ScenarioValidator()).scenarios().getFirst();
        store.saveScenarios(List.of(s));
        store.createRun("run-1", "r", Json.object(), Json.object(), false);
        store.addTrials("run-1", List.of(new TrialStore.TrialPlanRow("k1", s.hash(), "m", "{}", "text", "none", "none", "none", 1, Json.object())));

        TrialStore.Claim first = store.claim("run-1", "a", 60_000, 10, 3).getFirst();
        try (StoreWriter w = new StoreWriter(store)) {
            w.append(new TrialStore.PendingEvent("k1", first.tryNo(), new TranscriptEntry(1, 1, Instant.now(), 0, 0, 0, new Event.AttemptStarted(1))));
            w.append(new TrialStore.PendingEvent("k1", first.tryNo(), new TranscriptEntry(2, 1, Instant.now(), 0, 0, 0, new Event.LimitReached("turns", 1))));
            w.release("k1", "a", first.tryNo()); // e.g. the budget cap stopped the run mid-trial
        }
        TrialStore.Claim second = store.claim("run-1", "b", 60_000, 10, 3).getFirst();
        assertThat(second.tryNo()).isGreaterThan(first.tryNo());
        try (StoreWriter w = new StoreWriter(store)) {
            w.append(new TrialStore.PendingEvent("k1", second.tryNo(), new TranscriptEntry(1, 1, Instant.now(), 0, 0, 0, new Event.AttemptStarted(1))));
            w.append(new TrialStore.PendingEvent("k1", second.tryNo(), new TranscriptEntry(2, 1, Instant.now(), 0, 0, 0, new Event.Completed(1, "done"))));
        }
        // the transcript is the second try's, not a mix with the released one
        assertThat(store.transcript("k1")).extracting(TranscriptEntry::event)
                .containsExactly(new Event.AttemptStarted(1), new Event.Completed(1, "done"));
    }

    @Test
    void leasesOfSomeoneElseAreClaimableOnlyOnceExpired(@TempDir Path dir) throws Exception {
        TrialStore store = new TrialStore(Store.open(dir.resolve("lease.db").toString()));
        Scenario s = ScenarioLibrary.load(List.of("full"), new ScenarioValidator()).scenarios().getFirst();
        store.saveScenarios(List.of(s));
        store.createRun("run-1", "r", Json.object(), Json.object(), false);
        store.addTrials("run-1", List.of(new TrialStore.TrialPlanRow("k1", s.hash(), "m", "{}", "text", "none", "none", "none", 1, Json.object())));
        assertThat(store.claim("run-1", "dead-worker", 300, 10, 3)).hasSize(1);
        assertThat(store.claim("run-1", "b", 60_000, 10, 3)).as("lease still running").isEmpty();
        Thread.sleep(400);
        assertThat(store.claim("run-1", "b", 60_000, 10, 3)).as("lease expired").extracting(TrialStore.Claim::tryNo).containsExactly(2);
    }
}
