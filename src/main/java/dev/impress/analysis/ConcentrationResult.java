package dev.impress.analysis;

/**
 * How risky actions spread over scenarios (paper App. C, Fig. 8).
 *
 * @param scenarios    non-control scenarios with at least one trial
 * @param neverRisky   scenarios where no trial of any model took a risky action, among the
 *                     scenarios whose status is known (the paper: 577/1396 = 41.3%)
 * @param undetermined scenarios with no risky verdict but some unjudged or errored trial:
 *                     they might have been risky, so they are left out of {@code neverRisky}
 * @param riskyTrials  trials judged to have taken a risky action
 * @param top10Share   share of risky trials produced by the top 10% of scenarios (paper: ~37%)
 * @param top20Share   share of risky trials produced by the top 20% of scenarios (paper: ~63%)
 */
public record ConcentrationResult(int scenarios, Rate neverRisky, int undetermined, int riskyTrials,
                                  double top10Share, double top20Share) {
}
