package dev.impress.analysis;

/**
 * Condition A versus condition B on the same scenarios, for one metric.
 *
 * @param rateA      the metric under A, over the counted pairs only
 * @param rateB      the metric under B, over the same pairs
 * @param difference rate B minus rate A (NaN when there is no pair)
 * @param differenceInterval paired, scenario-clustered percentile bootstrap interval of the
 *                   difference, within [-1, 1]
 * @param mcnemar    exact test of "no change" on the discordant pairs
 * @param excluded   what could not be paired or counted
 * @param discordant the pairs behind {@code churn.yesToNo()} and {@code churn.noToYes()}, in
 *                   pairing order
 */
public record PairedResult(Metric metric, Churn churn, Rate rateA, Rate rateB, double difference,
                           Interval differenceInterval, McNemarResult mcnemar, PairExclusions excluded,
                           java.util.List<DiscordantPair> discordant) {
    public PairedResult {
        discordant = java.util.List.copyOf(discordant);
    }
}
