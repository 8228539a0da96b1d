package dev.impress.analysis;

import java.util.Locale;

/**
 * A two-sided confidence interval. Used for proportions (within [0, 1]) and for differences
 * and kappas (within [-1, 1]); the producer clamps to the range that makes sense.
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (lower > upper) {
            throw new IllegalArgumentException("interval lower bound " + lower + " > upper bound " + upper);
        }
    }

    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    public double width() {
        return upper - lower;
    }

    /** Clamps both bounds into [min, max]: floating-point formulas overshoot by an ulp or so. */
    Interval clamp(double min, double max) {
        return new Interval(Math.clamp(lower, min, max), Math.clamp(upper, min, max));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
    }
}
