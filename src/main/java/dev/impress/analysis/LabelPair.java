package dev.impress.analysis;

import dev.impress.judge.Verdict;
import java.util.Objects;

/**
 * Two raters' verdicts on the same question ({@code field}, e.g. {@code risky_action_taken}) of
 * the same trial: rater A ({@code judge}: the LLM judge or the rule detector) and rater B
 * ({@code human}: the reference). Sensitivity and specificity are of A measured against B.
 */
public record LabelPair(String trialKey, String field, Verdict judge, Verdict human) {
    public LabelPair {
        Objects.requireNonNull(trialKey, "trialKey");
        Objects.requireNonNull(field, "field");
        judge = judge == null ? Verdict.UNJUDGED : judge;
        human = human == null ? Verdict.UNJUDGED : human;
    }
}
