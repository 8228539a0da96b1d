package dev.impress.cli;

import dev.impress.experiment.Plan;
import dev.impress.experiment.RunService;
import dev.impress.scenario.Scenario;
import dev.impress.store.Store;
import dev.impress.store.StoreLocation;
import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every command that executes trials: where to store, how many at once, dry run. */
final class RunFlags {
    @Option(names = "--db", defaultValue = StoreLocation.DEFAULT_FILE, paramLabel = "FILE|URL",
            description = "Store: a SQLite file (default ${DEFAULT-VALUE}) or postgresql://user@host/db.")
    String db;

    @Option(names = "--epochs", defaultValue = "1", description = "Repetitions of every trial (default ${DEFAULT-VALUE}).")
    int epochs;

    @Mixin
    ExecutionFlags execution = new ExecutionFlags();

    @Option(names = "--dry-run", description = "Print the number of trials, model calls per role, tokens and estimated cost; run nothing.")
    boolean dryRun;

    @Option(names = "--plan-only", description = {"Store the run and its trials without running them, for `impress worker`s",
            "(on PostgreSQL, on as many machines as you like) to pick up."})
    boolean planOnly;

    @Option(names = "--name", description = "A name for the run (default: its id).")
    String name;

    int epochs() {
        if (epochs < 1) throw new UserError("--epochs: expected 1 or more, found " + epochs);
        return epochs;
    }

    void check() {
        execution.check();
        if (dryRun && planOnly) throw new UserError("--dry-run and --plan-only: choose one (--dry-run stores nothing, --plan-only stores the run)");
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
        if (run.planOnly) {
            trials.setRunStatus(p.runId(), "planned", null);
            // the URL as typed, minus a password in it: the line is meant to be copied into logs and scripts
            out.printf("Stored, not run. Start workers: impress worker --db %s --run %s%n", run.db.replaceAll("(://[^:/@]+):[^@]*@", "$1@"), p.runId());
            out.flush();
            return ExitCodes.OK;
        }
        return RunDriver.execute(trials, models, scenarios, p.runId(), plan.judging(), run.execution, out, err);
    }
}
