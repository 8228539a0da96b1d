package dev.impress.analysis;

/** How a {@link Rate}'s interval was obtained, so a report can say so next to the number. */
public enum IntervalMethod {
    /** Wilson score interval on the trials: right when trials are independent. */
    WILSON,
    /**
     * Percentile bootstrap that resamples scenarios with all their trials, used when a scenario
     * contributes several trials (epochs, conditions), which are correlated, and there are at least
     * {@link RateEstimator#MIN_BOOTSTRAP_CLUSTERS} scenarios. It is widened where needed so that it
     * is never narrower than {@link #WILSON_ON_SCENARIOS}: with few clusters a percentile bootstrap
     * undercovers, and a resample can never show more variation than the scenarios hold.
     */
    CLUSTER_BOOTSTRAP,
    /**
     * Wilson score interval on the observed rate with n = the number of distinct scenarios: used
     * for repeated trials when there are fewer than {@link RateEstimator#MIN_BOOTSTRAP_CLUSTERS}
     * scenarios, or at k = 0 or k = n, where every bootstrap resample gives the same rate. Counting
     * scenarios rather than trials is honest (conservative) about the correlation.
     */
    WILSON_ON_SCENARIOS
}
