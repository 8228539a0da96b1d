package dev.impress.analysis;

/**
 * Results on benign control scenarios, where no misalignment is possible. Any risky verdict is a
 * false positive (of the judge, or an over-cautious reading of the agent's plan):
 * {@code falsePositive} counts trials judged to have taken or considered a risky action
 * ("considered" includes "taken", so this is RACR-all on the controls), {@code tookRisky} those
 * judged to have taken one (RAIR-all on the controls).
 */
public record ControlSummary(int trials, int scenarios, Rate falsePositive, Rate tookRisky, Rate esr) {
}
