package dev.impress.cli;

import dev.impress.experiment.Estimate;
import dev.impress.experiment.JudgingConfig;
import dev.impress.experiment.RunExecutor;
import dev.impress.experiment.RunService;
import dev.impress.model.JdbcResponseCache;
import dev.impress.report.RunResults;
import dev.impress.scenario.Scenario;
import dev.impress.sim.SimulatedAgent;
import dev.impress.sim.SimulationSettings;
import dev.impress.store.Store;
import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** The part every run-like command shares: prepare, print the estimate, execute with progress, summarise. */
final class RunDriver {
    private RunDriver() {}

    static Estimate.Prices prices(Models models) {
        return model -> models.prices().find(model).map(p -> new double[] {p.inputPerMillion(), p.outputPerMillion()});
    }

    static Models models(Store store, List<Scenario> scenarios, ModelFlags flags, long seed) {
        return new Models(scenarios, SimulationSettings.DEMO.withSeed(seed), flags, new JdbcResponseCache(store));
    }

    static void printPlan(RunService.Prepared p, PrintWriter out, boolean simulated) {
        out.printf("Run %s%s%n", p.runId(), p.name().equals(p.runId()) ? "" : " (" + p.name() + ")");
        out.printf("  trials: %d (%d already done, %d to run)%n", p.specs().size(), p.alreadyDone(), p.specs().size() - p.alreadyDone());
        Estimate remaining = p.estimate().remaining();
        out.println("  estimated model calls and tokens still to spend (an estimate, not a measurement):");
        TextTable t = new TextTable("ROLE", "CALLS", "INPUT TOKENS", "OUTPUT TOKENS", "COST (USD)");
        remaining.roles().forEach((role, r) -> t.row(role, r.calls(), r.inputTokens(), r.outputTokens(),
                r.costUsd() == null ? "no price" : String.format(Locale.ROOT, "%.2f", r.costUsd())));
        for (String line : t.render().split("\n")) out.println("    " + line);
        out.println("  estimated cost: " + remaining.totalCost().map(c -> String.format(Locale.ROOT, "$%.2f", c))
                .orElse("unknown (a model has no price; see --prices)"));
        if (simulated) out.println("  SIMULATED models: no real model is called; the numbers will show how IMPRESS reports, nothing more.");
        out.flush();
    }

    /**
     * Who holds a lease: host and process id (so an operator can tell which machine has a trial)
     * plus a random part (so two executions in one process never share leases).
     */
    static String owner() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Executes what is claimable in the run and prints the summary; returns the exit code. */
    static int execute(TrialStore trials, Models models, List<Scenario> scenarios, String runId, JudgingConfig judging,
                       ExecutionFlags execution, PrintWriter out, PrintWriter err) {
        int maxTries = execution.maxTries;
        Function<String, Scenario> lookup = SimulatedAgent.lookup(scenarios);
        ProgressBar bar = ProgressBar.forRun(err, () -> trials.progress(runId));
        trials.setRunStatus(runId, "running", null);
        String owner = owner();
        out.printf("Executing as %s: %d trial(s) at a time, leases of %d s.%n", owner, execution.concurrency, execution.leaseSeconds);
        out.flush();
        RunExecutor.Result result = new RunExecutor(trials, models, lookup, judging,
                new RunExecutor.Settings(execution.concurrency, maxTries, execution.leaseMillis(), owner), bar).execute(runId);
        bar.finish();
        models.flush();
        var after = trials.progress(runId);
        String status = result.stopped() ? "stopped" : after.pending() + after.leased() + after.error() > 0 ? "incomplete" : "done";
        trials.setRunStatus(runId, status, result.stopReason());
        if (result.stopped()) err.println("impress: run stopped: " + result.stopReason() + ". Nothing is lost: `impress resume " + runId + "` continues it.");
        if (after.error() > 0) {
            err.printf("impress: %d trial(s) ended in infrastructure errors after %d tries; they are counted as errored, not judged. "
                    + "`impress resume %s --max-tries %d` tries them again.%n", after.error(), maxTries, runId, maxTries + 1);
        }
        out.printf("%nRun %s: %d done, %d errored, %d not finished. Store: %s%n", runId, after.done(), after.error(),
                after.pending() + after.leased(), trials.store().location());
        var calls = trials.callStats(runId);
        out.printf("Model calls: %d (%d retries after 429/5xx/timeouts/malformed answers, %d failed after their retries)%n",
                calls.calls(), calls.retries(), calls.failed());
        var spending = trials.spending(runId);
        if (!spending.isEmpty()) {
            out.println();
            out.println("Spending of this run (all tries):");
            TextTable t = new TextTable("ROLE", "MODEL", "CALLS", "CACHED", "INPUT TOKENS", "OUTPUT TOKENS", "RETRIES", "COST (USD)");
            spending.forEach(s -> t.row(s.role(), s.model(), s.calls(), s.cached(), s.inputTokens(), s.outputTokens(), s.retries(),
                    String.format(Locale.ROOT, "%.4f", s.costUsd())));
            out.print(t.render());
        }
        var run = trials.run(runId).orElseThrow();
        RunSummary.print(RunResults.load(trials, run), out);
        out.flush();
        return result.stopped() ? ExitCodes.RUNTIME : ExitCodes.OK;
    }

}
