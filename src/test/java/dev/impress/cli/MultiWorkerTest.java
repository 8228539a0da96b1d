package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.bench.FakeOpenAiServer;
import dev.impress.store.Store;
import dev.impress.store.TestDatabases;
import dev.impress.store.TrialStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three `impress worker` processes share a run on PostgreSQL; one is killed (SIGKILL) while it
 * holds trials. The others take its trials over when the leases expire, and every trial is done
 * exactly once: one try reached judging, its verdicts written once.
 */
class MultiWorkerTest {
    static final List<String> IDS = List.of("m5-r1-flood-car-listing", "m5-r6-dms-seat-licence", "m5-r2-hotel-review-guest",
            "m2-r1-benefits-autoapproval", "m2-r1-cloud-access-request", "m5-r4-lead-enrichment-upload", "m5-r3-half-marathon-heat",
            "m5-r7-freelancer-deadline");
    static final int EPOCHS = 4;
    static final Pattern OWNER = Pattern.compile("Executing as (\\S+):");

    @Test
    void threeWorkersOneKilledEveryTrialDoneOnce(@TempDir Path dir) throws Exception {
        String url = TestDatabases.postgresUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "IMPRESS_TEST_POSTGRES_URL not set (CI sets it)");
        String db = TestDatabases.freshPostgresSchema(url);
        try (FakeOpenAiServer provider = FakeOpenAiServer.start(new FakeOpenAiServer.Settings(60, 3, FakeOpenAiServer.Faults.NONE, 5))) {
            ChildProcess plan = ChildProcess.start(dir.resolve("plan.log"), List.of("run", "full", "--id", String.join(",", IDS),
                    "--epochs", String.valueOf(EPOCHS), "--model", "openai-compatible/mw-agent", "--judge", "openai-compatible/mw-judge",
                    "--base-url", provider.baseUrl(), "--db", db, "--plan-only"));
            assertThat(plan.waitFor(120)).as(plan.output()).isZero();
            assertThat(plan.output()).contains("Stored, not run.");
            TrialStore store = new TrialStore(Store.open(db));
            String runId = store.runs().getFirst().id();
            assertThat(store.progress(runId).pending()).isEqualTo(IDS.size() * EPOCHS);

            List<ChildProcess> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(ChildProcess.start(dir.resolve("worker-" + i + ".log"), List.of("worker", "--db", db, "--run", runId,
                        "--base-url", provider.baseUrl(), "--concurrency", "3", "--lease-seconds", "2", "--retry-base-ms", "10")));
            }
            ChildProcess victim = workers.getFirst();
            String owner = awaitOwner(victim);
            List<String> held = awaitLeases(store, owner, victim);
            victim.kill();
            for (ChildProcess w : workers.subList(1, 3)) assertThat(w.waitFor(180)).as(w.output()).isZero();

            List<TrialStore.TrialRow> trials = store.trials(runId);
            assertThat(trials).hasSize(IDS.size() * EPOCHS).allSatisfy(t -> assertThat(t.status()).as(t.key()).isEqualTo("done"));
            Map<String, Integer> judgedTries = judgedTries(store);
            Map<String, Integer> verdictRows = verdictRows(store);
            for (TrialStore.TrialRow t : trials) {
                assertThat(judgedTries.get(t.key())).as("tries of %s that reached judging", t.key()).isEqualTo(1);
                assertThat(verdictRows.get(t.key())).as("verdict rows of %s (rule, llm, reconciled)", t.key()).isEqualTo(3);
                CrashSafetyTest.assertCompleteTranscript(t.key(), store.transcript(t.key()));
            }
            // What the killed worker held was taken over: done by a later try. (Any, not all: one of
            // them may have been finished in the milliseconds between looking and killing.)
            Map<String, TrialStore.TrialRow> byKey = new HashMap<>();
            trials.forEach(t -> byKey.put(t.key(), t));
            assertThat(held).isNotEmpty().anySatisfy(k -> assertThat(byKey.get(k).tries()).as("tries of %s", k).isGreaterThan(1));
        } finally {
            TestDatabases.dropSchema(db);
        }
    }

    private static String awaitOwner(ChildProcess worker) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = OWNER.matcher(worker.output());
            if (m.find()) return m.group(1);
            assertThat(worker.alive()).as("worker still running:%n%s", worker.output()).isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("the worker never said who it is:\n" + worker.output());
    }

    /** Waits until the worker holds leases, and returns the keys it holds. */
    private static List<String> awaitLeases(TrialStore store, String owner, ChildProcess worker) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> keys = new ArrayList<>();
            try (Connection c = store.store().connect();
                 PreparedStatement ps = c.prepareStatement("SELECT key FROM trials WHERE status = 'leased' AND lease_owner = ?")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) keys.add(rs.getString(1));
                }
            }
            if (!keys.isEmpty()) return keys;
            assertThat(worker.alive()).as("worker still running:%n%s", worker.output()).isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("the worker never held a lease:\n" + worker.output());
    }

    private static Map<String, Integer> judgedTries(TrialStore store) throws Exception {
        return counts(store, "SELECT trial_key, COUNT(DISTINCT try_no) FROM events WHERE kind = 'judge_call' GROUP BY trial_key");
    }

    private static Map<String, Integer> verdictRows(TrialStore store) throws Exception {
        return counts(store, "SELECT trial_key, COUNT(*) FROM verdicts GROUP BY trial_key");
    }

    private static Map<String, Integer> counts(TrialStore store, String sql) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = store.store().connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
        }
        return out;
    }
}
