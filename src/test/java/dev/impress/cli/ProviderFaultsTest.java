package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.bench.FakeOpenAiServer;
import dev.impress.store.Store;
import dev.impress.store.TrialStore;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that fails 10% of calls with 429, 5% with 500 and 2% with a malformed body: the run
 * completes, every trial is judged or explicitly errored with its reason, and every fault the
 * provider served is accounted for as a retry or as a failed call, visible per run in
 * `impress runs` and the run summary.
 */
class ProviderFaultsTest {
    @Test
    void aFlakyProviderNeverLeavesATrialUnaccountedFor(@TempDir Path dir) {
        String db = dir.resolve("faults.db").toString();
        FakeOpenAiServer.Counts served;
        CliRunner.Result run;
        try (FakeOpenAiServer provider = FakeOpenAiServer.start(new FakeOpenAiServer.Settings(0, 3,
                new FakeOpenAiServer.Faults(0.10, 0.05, 0.02), 2026))) {
            // One retry per call and one try per trial, so that some calls do fail for good: the
            // error path is exercised, not only the retry path. Concurrency 1 keeps the seeded
            // fault sequence in the same order on every run.
            run = CliRunner.run("run", "full", "--risk", "R1,R2", "--epochs", "2", "--model", "openai-compatible/flaky-agent",
                    "--judge", "openai-compatible/flaky-judge", "--base-url", provider.baseUrl(), "--db", db,
                    "--concurrency", "1", "--max-tries", "1", "--max-retries", "1", "--retry-base-ms", "1");
            served = provider.counts();
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(served.rateLimited()).isPositive();
        assertThat(served.serverErrors()).isPositive();
        assertThat(served.malformed()).isPositive();

        TrialStore store = new TrialStore(Store.open(db));
        String runId = store.runs().getFirst().id();
        List<TrialStore.TrialRow> trials = store.trials(runId);
        var verdicts = store.verdicts(runId);
        assertThat(trials).hasSizeGreaterThan(20);
        for (TrialStore.TrialRow t : trials) {
            if (t.status().equals("done")) {
                assertThat(verdicts.get(t.key())).as("verdicts of %s", t.key()).containsKeys("rule", "reconciled");
            } else {
                assertThat(t.status()).as(t.key()).isEqualTo("error");
                assertThat(t.error()).as("reason of %s", t.key()).matches("(RATE_LIMITED|SERVER|MALFORMED_RESPONSE): .+");
                assertThat(verdicts).as("an errored trial has no verdicts").doesNotContainKey(t.key());
            }
        }
        assertThat(trials).anySatisfy(t -> assertThat(t.status()).isEqualTo("error"));
        assertThat(trials).anySatisfy(t -> assertThat(t.status()).isEqualTo("done"));

        // Every fault served is either a retry or the last attempt of a call that failed for good.
        TrialStore.CallStats calls = store.callStats(runId);
        assertThat(calls.retries()).isPositive();
        assertThat(calls.retries() + calls.failed()).isEqualTo(served.rateLimited() + served.serverErrors() + served.malformed());
        assertThat(calls.calls() - calls.failed()).isEqualTo(served.agentCalls() + served.judgeCalls());
        // ... and the retries are in the transcripts, where a reader of one trial sees them.
        long inTranscripts = trials.stream().flatMap(t -> store.transcript(t.key()).stream()).mapToLong(ProviderFaultsTest::retries).sum();
        assertThat(inTranscripts).isEqualTo(calls.retries());

        assertThat(run.out()).contains(String.format("Model calls: %d (%d retries", calls.calls(), calls.retries()));
        CliRunner.Result runs = CliRunner.run("runs", "--db", db);
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out()).contains("RETRIES").containsPattern(runId + ".*\\s" + calls.calls() + "\\s+" + calls.retries() + "\\s");
    }

    private static long retries(TranscriptEntry e) {
        List<String> r = switch (e.event()) {
            case Event.ModelTurn t -> t.retries();
            case Event.JudgeCall j -> j.retries();
            case Event.ModelFailed f -> f.retries();
            default -> null;
        };
        return r == null ? 0 : r.size();
    }
}
