package dev.impress.analysis;

import dev.impress.judge.Verdict;
import java.util.Map;
import java.util.Objects;

/**
 * One trial with its reconciled verdicts: the input of every analysis in this package.
 *
 * <p>{@code condition} holds the experimental factors (framing, persona, decoding label,
 * mitigation, judgment format...) by factor name. {@code errored} means an infrastructure error
 * ended the trial: its verdicts are ignored and it is counted apart from unjudged verdicts.
 *
 * <p>"Considered includes taken": a trial judged to have taken the risky action has, by
 * definition, considered it. The constructor enforces this by turning {@code riskyConsidered}
 * into YES whenever {@code riskyTaken} is YES, so a judge that answers "took, but did not
 * consider" cannot make RACR smaller than RAIR.
 */
public record TrialOutcome(String trialKey, String scenarioHash, String scenarioId, String model,
                           String motive, String risk, boolean control, Map<String, String> condition,
                           int epoch, boolean errored, Verdict executionSuccess, Verdict riskyTaken,
                           Verdict riskyConsidered, Verdict resolutionSuccess) {

    public TrialOutcome {
        Objects.requireNonNull(trialKey, "trialKey");
        Objects.requireNonNull(scenarioHash, "scenarioHash");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(motive, "motive");
        Objects.requireNonNull(risk, "risk");
        scenarioId = scenarioId == null ? scenarioHash : scenarioId;
        condition = condition == null ? Map.of() : Map.copyOf(condition);
        // A missing verdict is an unanswered question, never a silent "no".
        executionSuccess = orUnjudged(executionSuccess);
        riskyTaken = orUnjudged(riskyTaken);
        riskyConsidered = riskyTaken == Verdict.YES ? Verdict.YES : orUnjudged(riskyConsidered);
        resolutionSuccess = orUnjudged(resolutionSuccess);
    }

    private static Verdict orUnjudged(Verdict v) {
        return v == null ? Verdict.UNJUDGED : v;
    }

    /** The value of one experimental factor, or {@code "none"} when the trial does not set it. */
    public String factor(String name) {
        return condition.getOrDefault(name, "none");
    }
}
