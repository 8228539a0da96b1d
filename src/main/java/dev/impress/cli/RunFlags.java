package dev.impress.cli;

import dev.impress.experiment.Plan;
import dev.impress.experiment.RunService;
import dev.impress.scenario.Scenario;
import dev.impress.store.Store;
import dev.impress.store.StoreLocation;
import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of every command that executes trials: where to store, how many at once, dry run. */
final class RunFlags {
    @Option(names = "--db", defaultValue = StoreLocation.DEFAULT_FILE, paramLabel = "FILE|URL",
            description = "Store: a SQLite file (default ${DEFAULT-VALUE}) or postgresql://user@host/db.")
    String db;

    @Option(names = "--epochs", defaultValue = "1", description = "Repetitions of every trial (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--concurrency", defaultValue = "16", description = "Trials in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-tries", defaultValue = "3", description = "Tries of a trial that hits infrastructure errors (default ${DEFAULT-VALUE}).")
    int maxTries;

    @Option(names = "--dry-run", description = "Print the number of trials, model calls per role, tokens and estimated cost; run nothing.")
    boolean dryRun;

    @Option(names = "--name", description = "A name for the run (default: its id).")
    String name;

    int epochs() {
        if (epochs < 1) throw new UserError("--epochs: expected 1 or more, found " + epochs);
        return epochs;
    }

    void check() {
        if (concurrency < 1) throw new UserError("--concurrency: expected 1 or more, found " + concurrency);
        if (maxTries < 1) throw new UserError("--max-tries: expected 1 or more, found " + maxTries);
    }

    /** Prepares and executes a plan: the shared body of run, experiment and demo. */
    static int launch(Plan plan, List<Scenario> scenarios, List<String> modelSpecs, ModelFlags modelFlags, RunFlags run, long seed,
                      PrintWriter out, PrintWriter err) {
        run.check();
        boolean simulated = modelSpecs.stream().anyMatch(m -> m.startsWith("sim/"));
        if (run.dryRun) {
            StoreLocation location = StoreLocation.parse(run.db);
            boolean exists = location.engine() != StoreLocation.Engine.SQLITE || java.nio.file.Files.exists(java.nio.file.Path.of(location.toString()));
            TrialStore existing = exists ? new TrialStore(Store.open(location)) : null;
            Models models = new Models(scenarios, dev.impress.sim.SimulationSettings.DEMO.withSeed(seed), modelFlags, null);
            RunService.Prepared p = RunService.prepare(existing, plan, scenarios, simulated, RunDriver.prices(models), true);
            RunDriver.printPlan(p, out, simulated);
            try {
                models.checkCredentials(modelSpecs);
            } catch (UserError e) {
                out.println("  warning: " + e.getMessage());
            }
            out.println("Dry run: nothing was run or stored.");
            out.flush();
            return ExitCodes.OK;
        }
        // Keys and base URLs are checked before the store is touched: nothing starts that cannot finish.
        new Models(scenarios, dev.impress.sim.SimulationSettings.DEMO, modelFlags, null).checkCredentials(modelSpecs);
        Store store = Store.open(run.db);
        TrialStore trials = new TrialStore(store);
        Models models = RunDriver.models(store, scenarios, modelFlags, seed);
        RunService.Prepared p = RunService.prepare(trials, plan, scenarios, simulated, RunDriver.prices(models), false);
        RunDriver.printPlan(p, out, simulated);
        return RunDriver.execute(trials, models, scenarios, p.runId(), plan.judging(), run.concurrency, run.maxTries, out, err);
    }
}
