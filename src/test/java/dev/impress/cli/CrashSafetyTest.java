package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.bench.FakeOpenAiServer;
import dev.impress.store.Store;
import dev.impress.store.StoreLocation;
import dev.impress.store.TestDatabases;
import dev.impress.store.TrialStore;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at random (seeded) points and resumed loses nothing and doubles
 * nothing: every trial is there once, done, with the complete transcript of its last try and its
 * verdicts. The run is a real `impress run` in a child JVM against an OpenAI-compatible fake
 * provider on loopback, on SQLite and on PostgreSQL.
 */
class CrashSafetyTest {
    static final List<String> IDS = List.of("m5-r1-flood-car-listing", "m5-r6-dms-seat-licence", "m5-r2-hotel-review-guest",
            "m2-r1-benefits-autoapproval", "m2-r1-cloud-access-request", "m5-r4-lead-enrichment-upload");
    static final int EPOCHS = 2;
    static final int KILLS = 3;

    @Test
    void sqliteRunSurvivesKills(@TempDir Path dir) throws Exception {
        killAndResume(dir.resolve("crash.db").toString(), dir, 11);
    }

    @Test
    void postgresqlRunSurvivesKills(@TempDir Path dir) throws Exception {
        String url = TestDatabases.postgresUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "IMPRESS_TEST_POSTGRES_URL not set (CI sets it)");
        String db = TestDatabases.freshPostgresSchema(url);
        try {
            killAndResume(db, dir, 12);
        } finally {
            TestDatabases.dropSchema(db);
        }
    }

    private void killAndResume(String db, Path dir, long seed) throws Exception {
        Random random = new Random(seed);
        try (FakeOpenAiServer provider = FakeOpenAiServer.start(new FakeOpenAiServer.Settings(30, 3, FakeOpenAiServer.Faults.NONE, seed))) {
            List<String> kills = new ArrayList<>();
            for (int round = 0; round < KILLS; round++) {
                // Kill points in model calls served since this child started: some early (while the
                // first trials run), some late (while trials finish and are written).
                long start = provider.counts().requests();
                long target = start + 1 + random.nextInt(24);
                ChildProcess child = ChildProcess.start(dir.resolve("round-" + round + ".log"), command(db, provider.baseUrl()));
                while (child.alive() && provider.counts().requests() < target) Thread.sleep(5);
                child.kill();
                kills.add("after " + (provider.counts().requests() - start) + " calls");
            }
            ChildProcess last = ChildProcess.start(dir.resolve("final.log"), command(db, provider.baseUrl()));
            int code = last.waitFor(180);
            assertThat(code).as("final resume (kills: %s):%n%s", kills, last.output()).isZero();
        }

        TrialStore store = new TrialStore(Store.open(db));
        assertThat(store.runs()).hasSize(1);
        String runId = store.runs().getFirst().id();
        List<TrialStore.TrialRow> trials = store.trials(runId);
        assertThat(trials).hasSize(IDS.size() * EPOCHS);
        assertThat(trials).extracting(TrialStore.TrialRow::key).doesNotHaveDuplicates();
        assertThat(trials).allSatisfy(t -> assertThat(t.status()).as(t.key()).isEqualTo("done"));
        Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> verdicts = store.verdicts(runId);
        for (TrialStore.TrialRow t : trials) {
            assertCompleteTranscript(t.key(), store.transcript(t.key()));
            assertThat(verdicts.get(t.key())).as("verdicts of %s", t.key()).containsKeys("rule", "reconciled", "llm:openai-compatible/crash-judge");
        }
        // The kills must have hit work in flight, or this test proved nothing: some trial has
        // events of an abandoned try.
        assertThat(abandonedTries(store)).as("tries interrupted by the kills").isPositive();
    }

    /** The last try: attempt_started, prompt, ..., completion, attempt_ended, then the judge call; seq without gaps. */
    static void assertCompleteTranscript(String key, List<TranscriptEntry> entries) {
        assertThat(entries).as("transcript of %s", key).isNotEmpty();
        for (int i = 0; i < entries.size(); i++) assertThat(entries.get(i).seq()).as("seq of %s", key).isEqualTo(i + 1);
        List<Event> events = entries.stream().map(TranscriptEntry::event).toList();
        assertThat(events.getFirst()).as(key).isInstanceOf(Event.AttemptStarted.class);
        assertThat(events.get(1)).as(key).isInstanceOf(Event.PromptSent.class);
        int completion = indexOf(events, Event.Completed.class);
        int ended = indexOf(events, Event.AttemptEnded.class);
        int judged = indexOf(events, Event.JudgeCall.class);
        assertThat(completion).as("completion in %s", key).isPositive();
        assertThat(ended).as("attempt_ended after completion in %s", key).isGreaterThan(completion);
        assertThat(judged).as("judge call after attempt_ended in %s", key).isGreaterThan(ended);
        assertThat(((Event.AttemptEnded) events.get(ended)).outcome()).isEqualTo("completed");
        assertThat(events).filteredOn(Event.ModelTurn.class::isInstance).hasSize(3);
    }

    private static int indexOf(List<Event> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) if (type.isInstance(events.get(i))) return i;
        return -1;
    }

    static int abandonedTries(TrialStore store) throws Exception {
        try (Connection c = store.store().connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT e.trial_key, e.try_no FROM events e "
                     + "JOIN trials t ON t.key = e.trial_key WHERE e.try_no <> t.tries) x")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * `impress run` until the run is in the store (a kill may come before the plan is stored),
     * then `impress resume RUN`.
     */
    private static List<String> command(String db, String baseUrl) {
        List<String> common = List.of("--base-url", baseUrl, "--db", db, "--concurrency", "4", "--lease-seconds", "2", "--retry-base-ms", "10");
        List<String> args = new ArrayList<>();
        List<TrialStore.RunRow> runs = storedRuns(db);
        if (runs.isEmpty()) {
            args.addAll(List.of("run", "full", "--id", String.join(",", IDS), "--epochs", String.valueOf(EPOCHS),
                    "--model", "openai-compatible/crash-agent", "--judge", "openai-compatible/crash-judge"));
        } else {
            args.addAll(List.of("resume", runs.getFirst().id()));
        }
        args.addAll(common);
        return args;
    }

    private static List<TrialStore.RunRow> storedRuns(String db) {
        if (StoreLocation.parse(db).engine() == StoreLocation.Engine.SQLITE && !java.nio.file.Files.exists(Path.of(db))) return List.of();
        return new TrialStore(Store.open(db)).runs();
    }
}
