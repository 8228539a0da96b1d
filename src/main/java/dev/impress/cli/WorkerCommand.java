package dev.impress.cli;

import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Work on runs in a shared PostgreSQL store (many machines).",
                "Claims trials with leases, runs and judges them. Start as many workers as you like, on one or many machines; "
                        + "a dead worker's leases expire and other workers take its trials. Exits when no claimable work is left "
                        + "(or keeps waiting with --wait)."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress run lite --model openai/gpt-4.1 --judge openai/gpt-4o --db postgresql://impress@db.example/impress --concurrency 1",
                "  impress worker --db postgresql://impress@db.example/impress --concurrency 64",
                "  impress worker --db postgresql://impress@db.example/impress --run run-76a3 --wait"})
final class WorkerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "URL", description = "The shared store, postgresql://user@host:port/db (password from PGPASSWORD).")
    String db;

    @Option(names = "--run", paramLabel = "RUN", description = "Only this run (default: every run with work left).")
    String run;

    @Mixin
    ExecutionFlags execution;

    @Option(names = "--wait", description = "Keep polling for new work instead of exiting when there is none.")
    boolean waitForWork;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated models (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ModelFlags modelFlags;

    @Override
    public Integer call() throws InterruptedException {
        execution.check();
        PrintWriter out = spec.commandLine().getOut();
        TrialStore trials = StoredRuns.open(db);
        while (true) {
            boolean worked = false;
            for (TrialStore.RunRow r : run == null ? trials.runs() : java.util.List.of(StoredRuns.find(trials, run))) {
                var p = trials.progress(r.id());
                if (trials.claimable(r.id(), execution.maxTries) == 0) continue;
                StoredRuns.Loaded loaded = StoredRuns.load(trials, r);
                Models models = RunDriver.models(trials.store(), loaded.scenarios(), modelFlags, seed);
                models.checkCredentials(loaded.modelSpecs());
                out.printf("Worker: %s has %d trial(s) left.%n", r.id(), p.total() - p.done());
                out.flush();
                int code = RunDriver.execute(trials, models, loaded.scenarios(), r.id(), loaded.judging(), execution, out, spec.commandLine().getErr());
                if (code != ExitCodes.OK) return code;
                worked = true;
            }
            if (!worked && !waitForWork) {
                out.println("Worker: no work left.");
                return ExitCodes.OK;
            }
            if (!worked) Thread.sleep(5000);
        }
    }
}
