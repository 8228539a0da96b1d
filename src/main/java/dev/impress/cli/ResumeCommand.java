package dev.impress.cli;

import dev.impress.store.TrialStore;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a stopped, killed or failed run: only trials not done run.",
                "The scenarios, models and judges come from the store, exactly as the run was planned."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress resume run-76a37650e6", "  impress resume run-76a3 --db runs.db --max-tries 5"})
final class ResumeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoredRunRef stored;

    @Mixin
    ModelFlags modelFlags;

    @Mixin
    ExecutionFlags execution;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated models (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        execution.check();
        StoredRunRef.Opened opened = stored.open();
        TrialStore trials = opened.trials();
        TrialStore.RunRow run = opened.run();
        StoredRuns.Loaded loaded = StoredRuns.load(trials, run);
        Models models = RunDriver.models(trials.store(), loaded.scenarios(), modelFlags, seed);
        models.checkCredentials(loaded.modelSpecs());
        var p = trials.progress(run.id());
        spec.commandLine().getOut().printf("Resuming %s: %d of %d trials done, %d to run or retry.%n", run.id(), p.done(), p.total(), p.total() - p.done());
        return RunDriver.execute(trials, models, loaded.scenarios(), run.id(), loaded.judging(), execution,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

}
