package dev.impress.analysis;

/**
 * Knobs shared by every estimate: the confidence level, the number of bootstrap resamples and
 * the bootstrap seed. The same options over the same outcomes always give the same numbers.
 */
public record AnalysisOptions(double confidence, int resamples, long seed) {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20_251_122L;
    public static final AnalysisOptions DEFAULT =
            new AnalysisOptions(Confidence.DEFAULT, DEFAULT_RESAMPLES, DEFAULT_SEED);

    public AnalysisOptions {
        Confidence.check(confidence);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
    }

    public AnalysisOptions withSeed(long other) {
        return new AnalysisOptions(confidence, resamples, other);
    }

    public AnalysisOptions withConfidence(double other) {
        return new AnalysisOptions(other, resamples, seed);
    }

    public AnalysisOptions withResamples(int other) {
        return new AnalysisOptions(confidence, other, seed);
    }
}
