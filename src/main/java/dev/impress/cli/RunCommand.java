package dev.impress.cli;

import dev.impress.experiment.Plan;
import dev.impress.scenario.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario set against models, judge every trial, print the metrics.",
                "Stores every trial, transcript and verdict, and prints the paper's metrics with their n and 95% intervals. "
                        + "Rerunning the same command runs only what is missing."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress run lite --model openai/gpt-4.1 --judge openai/gpt-4o --dry-run",
                "  impress run lite --model openai/gpt-4.1 --model anthropic/claude-sonnet-4-5 --judge openai/gpt-4o --max-cost 25",
                "  impress run full --model sim/bold --judge sim/judge --epochs 3 --db runs.db",
                "  impress run my-scenarios/ --risk R4 --model openai-compatible/qwen3-8b --base-url http://localhost:8000/v1",
                "%nFor factorial designs (framings, personas, decodings, mitigations) use: impress experiment plan.yaml"})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioSelection selection;

    @Option(names = "--model", required = true, paramLabel = "PROVIDER/MODEL", description = "An agent to evaluate; repeat for several.")
    List<String> models = new ArrayList<>();

    @Mixin
    TrialOptions options;

    @Mixin
    ModelFlags modelFlags;

    @Mixin
    RunFlags run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = selection.load(err);
        if (!loaded.problems().isEmpty()) throw new UserError("the scenarios have " + loaded.problems().size() + " problem(s) (listed above); nothing was run");
        List<Scenario> scenarios = loaded.scenarios();
        if (scenarios.isEmpty()) throw new UserError("no scenario matches the selection");
        Plan plan = new Plan(run.name, selection.sources.isEmpty() ? List.of("full") : selection.sources, selection.filter(), models, run.epochs(),
                List.of(options.protocol), List.of(options.framing), List.of(options.persona),
                List.of(options.safetyPrompt ? "safety-prompt" : "none"), List.of(options.decoding()), options.limits(), options.judgingConfig());
        return RunFlags.launch(plan, scenarios, options.modelSpecs(models), modelFlags, run, options.seed, out, err);
    }
}
