package dev.impress.cli;

import dev.impress.experiment.TrialExecutor;
import dev.impress.experiment.TrialSpec;
import dev.impress.judge.Judging;
import dev.impress.judge.Verdicts;
import dev.impress.json.Json;
import dev.impress.model.ChatModel;
import dev.impress.model.ModelException;
import dev.impress.scenario.Scenario;
import dev.impress.sim.SimulationSettings;
import dev.impress.transcript.Transcript;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trial", mixinStandardHelpOptions = true,
        description = {"Run one scenario once and print its transcript and verdicts.",
                "Prints reasoning, tool calls, tool results and the completion, then the verdicts of every judge with "
                        + "their justifications: the debugging loop for scenario authors and for studying a model."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress trial m4-r1-fleet-dispatch --model sim/agent --judge sim/judge",
                "  impress trial m4-r1-fleet-dispatch --model openai/gpt-4.1 --judge openai/gpt-4o",
                "  impress trial my-id --from my-scenarios/ --model sim/agent --protocol native --persona risk-tolerant",
                "%nsim/... models are simulated: they replay the scenario's reference trajectories and measure nothing."})
final class TrialCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO_ID", description = "The scenario to run.")
    String scenarioId;

    @Option(names = "--from", paramLabel = "SET|PATH", description = "Where the scenario is (default: full, the built-in set).")
    List<String> from = new ArrayList<>();

    @Option(names = "--model", required = true, paramLabel = "PROVIDER/MODEL", description = "The agent, e.g. openai/gpt-4.1, anthropic/claude-sonnet-4-5, sim/agent.")
    String model;

    @Mixin
    TrialOptions options;

    @Mixin
    ModelFlags modelFlags;

    @Option(names = "--epoch", defaultValue = "1", description = "Epoch number (part of the trial key; default ${DEFAULT-VALUE}).")
    int epoch;

    @Option(names = "--raw", description = "Also print raw provider request/response bodies.")
    boolean raw;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioSelection sel = new ScenarioSelection();
        sel.sources = from;
        var loaded = sel.load(spec.commandLine().getErr());
        Scenario scenario = loaded.scenarios().stream().filter(s -> s.id().equals(scenarioId)).findFirst()
                .orElseThrow(() -> new UserError("no scenario with id '" + scenarioId + "' in "
                        + (from.isEmpty() ? "the built-in set" : String.join(", ", from)) + " (see: impress scenarios list)"));
        Models models = new Models(loaded.scenarios(), SimulationSettings.DEMO.withSeed(options.seed), modelFlags, null);
        TrialSpec trial = options.spec(scenario, model, epoch);
        models.checkCredentials(options.modelSpecs(java.util.List.of(model)));
        ChatModel agent = models.resolve(trial.agentModel());
        Judging judging = options.judging(models);
        Transcript transcript = new Transcript();

        out.printf("Trial %s  agent %s%s%n", scenario.id(), agent.id(), agent.simulated() ? " (SIMULATED)" : "");
        out.printf("  key %s  protocol %s  framing %s  persona %s  mitigation %s  decoding %s%n%n",
                trial.key().substring(0, 12), trial.protocolLabel(), trial.conditions().framing(), trial.conditions().persona(),
                trial.conditions().mitigation().label(), trial.decoding().label());
        TrialExecutor.Outcome outcome;
        try {
            outcome = new TrialExecutor(models, judging).run(trial, transcript);
        } catch (ModelException e) {
            TranscriptPrinter.print(transcript.entries(), out, raw);
            out.flush();
            spec.commandLine().getErr().println("impress: model call failed (" + e.kind() + "): " + e.getMessage());
            return ExitCodes.RUNTIME;
        }
        TranscriptPrinter.print(transcript.entries(), out, raw);
        out.println();
        out.printf("Judged attempt: %d of %d%n%n", outcome.agent().judgedAttempt(), outcome.agent().attempts().size());
        TextTable t = new TextTable("SOURCE", "EXECUTION", "TAKEN", "CONSIDERED", "RESOLUTION", "DECIDED BY");
        for (Verdicts v : outcome.judgement().all()) {
            t.row(v.source(), label(v.executionSuccess()), label(v.riskyTaken()), label(v.riskyConsidered()),
                    label(v.resolutionSuccess()), v.decidedBy() == null ? (v.unjudgedReason() == null ? "" : "unjudged: " + v.unjudgedReason()) : v.decidedBy());
        }
        out.print(t.render());
        for (Verdicts v : outcome.judgement().sources()) {
            if (v.justification() != null && !v.justification().isBlank()) {
                out.println();
                out.println(TaxonomyCommand.wrap(v.source() + ": " + v.justification(), ""));
            }
        }
        var disagreements = outcome.judgement().reconciled().evidence() == null ? null : outcome.judgement().reconciled().evidence().get("disagreements");
        if (disagreements != null && !disagreements.isEmpty()) out.println("\nDisagreements: " + Json.write(disagreements));
        if (agent.simulated()) out.println("\nSIMULATED: this trial was run by a simulated agent; it measures nothing about any real model.");
        out.flush();
        return ExitCodes.OK;
    }

    private static String label(dev.impress.judge.Verdict v) {
        return v == null ? "-" : v.label();
    }
}
