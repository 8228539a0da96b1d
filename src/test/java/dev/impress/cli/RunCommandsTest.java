package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run, resume, runs, export and experiment in-process, with simulated models on a temporary store. */
class RunCommandsTest {
    static final String IDS = "m4-r1-fleet-dispatch,m1-r4-pii-logs-offload,control-r1-fleet-reschedules";

    @Test
    void aRunStoresJudgesAndSummarisesAndARerunAddsNothing(@TempDir Path dir) throws Exception {
        String db = dir.resolve("runs.db").toString();
        var r = CliRunner.run("run", "full", "--id", IDS, "--model", "sim/bold", "--judge", "sim/judge", "--db", db);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("trials: 3 (0 already done, 3 to run)", "3 done, 0 errored, 0 not finished",
                "sim/bold (simulated)", "SIMULATED:", "FALSE-POSITIVE RATE");
        assertThat(r.out()).containsPattern("\\d+/\\d+ = \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\]");
        var again = CliRunner.run("run", "full", "--id", IDS, "--model", "sim/bold", "--judge", "sim/judge", "--db", db);
        assertThat(again.out()).contains("trials: 3 (3 already done, 0 to run)");
        var runs = CliRunner.run("runs", "--db", db);
        assertThat(runs.out()).contains("done (simulated)", "3/3", "sim/bold");
    }

    @Test
    void addingAModelRunsOnlyTheNewTrials(@TempDir Path dir) {
        String db = dir.resolve("runs.db").toString();
        CliRunner.run("run", "full", "--id", IDS, "--model", "sim/bold", "--judge", "sim/judge", "--db", db);
        var r = CliRunner.run("run", "full", "--id", IDS, "--model", "sim/bold", "--model", "sim/cautious", "--judge", "sim/judge", "--db", db);
        assertThat(r.out()).contains("trials: 6 (3 already done, 3 to run)", "6 done");
    }

    @Test
    void dryRunEstimatesWithoutWriting(@TempDir Path dir) {
        Path db = dir.resolve("none.db");
        var r = CliRunner.run("run", "lite", "--model", "sim/bold", "--judge", "sim/judge", "--db", db.toString(), "--dry-run");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("agent sim/bold", "judge sim/judge", "estimated cost: $0.00", "Dry run: nothing was run or stored.");
        assertThat(db).doesNotExist();
    }

    @Test
    void exportWritesEveryTrialWithTranscriptAndVerdicts(@TempDir Path dir) throws Exception {
        String db = dir.resolve("runs.db").toString();
        var run = CliRunner.run("run", "full", "--id", IDS, "--model", "sim/bold", "--judge", "sim/judge", "--db", db);
        String runId = run.out().lines().filter(l -> l.startsWith("Run run-")).findFirst().orElseThrow().split(" ")[1];
        Path jsonl = dir.resolve("t.jsonl");
        var e = CliRunner.run("export", runId.substring(0, 8), "--db", db, "--format", "jsonl", "-o", jsonl.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        var lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(3);
        var first = Json.parse(lines.getFirst());
        assertThat(first.path("verdicts").has("reconciled")).isTrue();
        assertThat(first.path("transcript").get(0).path("event").path("kind").asText()).isEqualTo("attempt_started");
        Path csv = dir.resolve("t.csv");
        CliRunner.run("export", runId, "--db", db, "--format", "csv", "-o", csv.toString());
        assertThat(Files.readAllLines(csv)).hasSize(4).first().asString().startsWith("trial_key,run_id,scenario_id");
    }

    @Test
    void resumeOfAFinishedRunRunsNothingAndUnknownRunsAreUsageErrors(@TempDir Path dir) {
        String db = dir.resolve("runs.db").toString();
        var run = CliRunner.run("run", "full", "--id", IDS, "--model", "sim/bold", "--db", db);
        String runId = run.out().lines().filter(l -> l.startsWith("Run run-")).findFirst().orElseThrow().split(" ")[1];
        var resume = CliRunner.run("resume", runId, "--db", db);
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("3 of 3 trials done, 0 to run or retry");
        var unknown = CliRunner.run("resume", "run-nope", "--db", db);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no run 'run-nope'");
        var missingDb = CliRunner.run("runs", "--db", dir.resolve("missing.db").toString());
        assertThat(missingDb.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingDb.err()).contains("--db: no store at");
    }

    @Test
    void anExperimentPlanRunsItsFactorialDesign(@TempDir Path dir) {
        var r = CliRunner.run("experiment", "src/test/resources/plans/small-plan.yaml", "--db", dir.resolve("e.db").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(small-safety-prompt)", "trials: 16 (0 already done, 16 to run)", "16 done");
    }

    @Test
    void aBrokenPlanIsRejectedWithEveryProblemBeforeAnythingRuns(@TempDir Path dir) {
        var r = CliRunner.run("experiment", "src/test/resources/plans/bad-plan.yaml", "--db", dir.resolve("e.db").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(
                "bad-plan.yaml:3: /models/0: expected provider/model, found 'gpt-4.1'",
                "/epochs: expected a whole number of at least 1, found 0",
                "/factors/framing/1: unknown framing 'realistic'",
                "/factors/persona/0: unknown persona 'risk-lover'",
                "/factors/mitigation/1: unknown mitigation 'guardrail'",
                "/factors/decoding/0/temperature: expected a number from 0 to 2, found 3",
                "/factors/temprature: unknown field 'temprature'",
                "/limits/judged_attempt: expected first-completed, last or first, found 'best'",
                "/reconcile: expected either, rule, llm or both, found 'maybe'",
                "nothing was run");
        assertThat(dir.resolve("e.db")).doesNotExist();
    }

    @Test
    void aRunLeftRunningWithNothingLeasedIsShownAsInterrupted() {
        var run = new dev.impress.store.TrialStore.RunRow("run-x", "run-x", "2026-11-25T10:00:00Z", "running", false, Json.object(), Json.object(), null);
        assertThat(RunsCommand.status(run, new dev.impress.store.TrialStore.Progress(5, 0, 3, 0))).isEqualTo("interrupted (impress resume run-x)");
        assertThat(RunsCommand.status(run, new dev.impress.store.TrialStore.Progress(5, 2, 3, 0))).isEqualTo("running");
        assertThat(RunsCommand.status(run, new dev.impress.store.TrialStore.Progress(0, 0, 8, 0))).isEqualTo("running");
    }

    @Test
    void missingKeysFailBeforeAnyWork(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("ANTHROPIC_API_KEY") == null, "a real key is set");
        var r = CliRunner.run("run", "lite", "--model", "anthropic/claude-sonnet-4-5", "--db", dir.resolve("k.db").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("ANTHROPIC_API_KEY");
        assertThat(dir.resolve("k.db")).doesNotExist();
    }
}
