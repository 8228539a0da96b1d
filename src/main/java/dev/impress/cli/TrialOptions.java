package dev.impress.cli;

import dev.impress.agent.Conditions;
import dev.impress.agent.ExecutionLimits;
import dev.impress.experiment.ModelResolver;
import dev.impress.experiment.JudgingConfig;
import dev.impress.experiment.TrialSpec;
import dev.impress.judge.Judging;
import dev.impress.judge.Reconciler;
import dev.impress.model.Decoding;
import dev.impress.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * How a trial runs and is judged: the options shared by {@code trial} and {@code run}. Defaults
 * reproduce the paper (text protocol, temperature 0.7, 10 tool calls, 3 attempts, judge at
 * temperature 0 with the verbatim template).
 */
final class TrialOptions {
    @Option(names = "--judge", paramLabel = "PROVIDER/MODEL", description = "LLM judge (paper template, temperature 0). Without it only the rule detector judges.")
    String judge;

    @Option(names = "--resolution-judge", paramLabel = "PROVIDER/MODEL", description = "Also judge resolution success (RSR) with this model.")
    String resolutionJudge;

    @Option(names = "--judge-tries", defaultValue = "3", description = "Judge calls before a malformed answer makes the trial unjudged (default ${DEFAULT-VALUE}).")
    int judgeTries;

    @Option(names = "--judge-sees-reasoning", description = "Show the provider's separate reasoning to the judge (the paper shows the visible text only).")
    boolean judgeSeesReasoning;

    @Option(names = "--reconcile", defaultValue = "either", description = "How rule detector and LLM judge combine for 'taken': either, rule, llm or both (default ${DEFAULT-VALUE}).")
    String reconcile;

    @Option(names = "--protocol", defaultValue = "text", description = "text (the paper's <tool_code>), native (tool calling), judgment-classification or judgment-choice (default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--framing", defaultValue = "none", description = "Reality framing: none, real or simulated (default ${DEFAULT-VALUE}).")
    String framing;

    @Option(names = "--persona", defaultValue = "none", description = "none, self-first, public-first, short-term, long-term, meticulous, flexible, risk-averse, risk-tolerant.")
    String persona;

    @Option(names = "--safety-prompt", description = "Add the paper's safety system prompt (mitigation).")
    boolean safetyPrompt;

    @Option(names = "--temperature", defaultValue = "0.7", description = "Agent temperature (default ${DEFAULT-VALUE}, as in the paper).")
    double temperature;

    @Option(names = "--top-p", description = "Agent top-p (provider default if unset).")
    Double topP;

    @Option(names = "--max-tokens", description = "Agent max output tokens per turn (provider default if unset).")
    Integer maxTokens;

    @Option(names = "--max-tool-calls", defaultValue = "10", description = "Tool calls per attempt (default ${DEFAULT-VALUE}).")
    int maxToolCalls;

    @Option(names = "--max-turns", defaultValue = "10", description = "Model turns per attempt (default ${DEFAULT-VALUE}).")
    int maxTurns;

    @Option(names = "--attempts", defaultValue = "3", description = "Attempts; execution succeeds if any completes (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--judged-attempt", defaultValue = "first-completed", description = "Which attempt is judged: first-completed, last or first (default ${DEFAULT-VALUE}).")
    String judgedAttempt;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated models (default ${DEFAULT-VALUE}).")
    long seed;

    /** Every model this command will call. */
    java.util.List<String> modelSpecs(java.util.List<String> agents) {
        var specs = new java.util.ArrayList<String>(agents);
        if (judge != null) specs.add(judge);
        if (resolutionJudge != null) specs.add(resolutionJudge);
        return specs;
    }

    Conditions conditions() {
        return new Conditions(Conditions.Protocol.parse(protocol), framing, persona,
                safetyPrompt ? Conditions.Mitigation.SAFETY_PROMPT : Conditions.Mitigation.NONE);
    }

    ExecutionLimits limits() {
        ExecutionLimits.JudgedAttempt policy;
        try {
            policy = ExecutionLimits.JudgedAttempt.valueOf(judgedAttempt.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("--judged-attempt: expected first-completed, last or first, found '" + judgedAttempt + "'");
        }
        return new ExecutionLimits(maxToolCalls, maxTurns, attempts, policy);
    }

    Decoding decoding() {
        if (temperature < 0 || temperature > 2) throw new UserError("--temperature: expected 0 to 2, found " + temperature);
        if (topP != null && (topP <= 0 || topP > 1)) throw new UserError("--top-p: expected more than 0 and at most 1, found " + topP);
        return new Decoding(temperature, topP, maxTokens, null, java.util.List.of());
    }

    TrialSpec spec(Scenario scenario, String model, int epoch) {
        if (epoch < 1) throw new UserError("--epoch: expected 1 or more, found " + epoch);
        return new TrialSpec(scenario, model, decoding(), conditions(), limits(), epoch);
    }

    JudgingConfig judgingConfig() {
        if (judgeTries < 1) throw new UserError("--judge-tries: expected 1 or more, found " + judgeTries);
        return new JudgingConfig(judge, resolutionJudge, judgeTries, judgeSeesReasoning, policy());
    }

    Reconciler.Policy policy() {
        try {
            return Reconciler.Policy.valueOf(reconcile.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--reconcile: expected either, rule, llm or both, found '" + reconcile + "'");
        }
    }

    Judging judging(ModelResolver models) {
        return judgingConfig().build(models);
    }
}
