package dev.impress.analysis;

/**
 * All the paper's metrics for one group of trials (a model, a model x motive cell, a condition...).
 * {@code trials} counts every trial in the group, {@code errored} those that hit an
 * infrastructure error, {@code scenarios} the distinct scenarios.
 */
public record Metrics(int trials, int scenarios, int errored, Rate esr, Rate rairAll, Rate rairCompleted,
                      Rate racrAll, Rate racrCompleted, Rate rsr, Rate rairRs) {

    public Rate get(Metric metric) {
        return switch (metric) {
            case ESR -> esr;
            case RAIR_ALL -> rairAll;
            case RAIR_COMPLETED -> rairCompleted;
            case RACR_ALL -> racrAll;
            case RACR_COMPLETED -> racrCompleted;
            case RSR -> rsr;
            case RAIR_RS -> rairRs;
        };
    }
}
