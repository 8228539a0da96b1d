package dev.impress.analysis;

/** How a {@link Rate}'s interval was obtained, so a report can say so next to the number. */
public enum IntervalMethod {
    /** Wilson score interval on the trials: right when trials are independent. */
    WILSON,
    /**
     * Percentile bootstrap that resamples scenarios with all their trials: right when a scenario
     * contributes several trials (epochs, conditions), which are correlated.
     */
    CLUSTER_BOOTSTRAP,
    /**
     * Wilson score interval with n = the number of scenarios: the fallback when k = 0 or k = n
     * with repeated trials, where every bootstrap resample gives the same rate and a percentile
     * interval would collapse to a point. Counting scenarios rather than trials keeps it honest
     * (conservative) about the correlation.
     */
    WILSON_ON_SCENARIOS
}
