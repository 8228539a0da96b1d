package dev.impress.analysis;

/** The one place that says what a valid confidence level is. */
final class Confidence {
    static final double DEFAULT = 0.95;

    private Confidence() {}

    static double check(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidence);
        }
        return confidence;
    }
}
