package dev.impress.cli;

import dev.impress.experiment.Plan;
import dev.impress.experiment.PlanFile;
import dev.impress.scenario.Problem;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioLibrary;
import dev.impress.scenario.ScenarioValidator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run a factorial experiment from a plan file.",
                "Models x scenarios x protocols x framings x personas x mitigations x decodings x epochs, judged one way. "
                        + "The plan is validated (file, line, field) before anything runs; rerunning it runs only what is missing. "
                        + "See docs/running.md for the format."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress experiment examples/plans/safety-prompt.yaml --dry-run",
                "  impress experiment examples/plans/safety-prompt.yaml --db runs.db --concurrency 64"})
final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML).")
    Path planFile;

    @Mixin
    ModelFlags modelFlags;

    @Mixin
    RunFlags run;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated models (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(planFile)) throw new UserError("no plan file " + planFile);
        PlanFile.Read read = PlanFile.read(planFile);
        if (!read.problems().isEmpty()) {
            for (Problem p : read.problems()) err.println(p);
            err.printf("impress: the plan has %d problem(s); nothing was run.%n", read.problems().size());
            return ExitCodes.USAGE;
        }
        Plan plan = read.plan();
        var report = ScenarioLibrary.load(plan.scenarioSources(), new ScenarioValidator());
        if (!report.ok()) {
            for (Problem p : report.problems()) err.println(p);
            throw new UserError("the plan's scenarios have " + report.problems().size() + " problem(s); nothing was run");
        }
        List<Scenario> scenarios = report.scenarios().stream().filter(plan.filter()::accepts).toList();
        if (scenarios.isEmpty()) throw new UserError(planFile + ": no scenario matches the plan's scenarios and filter");
        if (run.name == null) run.name = plan.name();
        List<String> specs = new ArrayList<>(plan.models());
        if (plan.judging().judge() != null) specs.add(plan.judging().judge());
        if (plan.judging().resolutionJudge() != null) specs.add(plan.judging().resolutionJudge());
        Plan named = new Plan(run.name, plan.scenarioSources(), plan.filter(), plan.models(), run.epochs > 1 ? run.epochs() : plan.epochs(),
                plan.protocols(), plan.framings(), plan.personas(), plan.mitigations(), plan.decodings(), plan.limits(), plan.judging());
        return RunFlags.launch(named, scenarios, specs, modelFlags, run, seed, out, err);
    }
}
