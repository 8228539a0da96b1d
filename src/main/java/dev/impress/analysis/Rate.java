package dev.impress.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * A proportion k/n with its confidence interval and the trials that were not counted.
 *
 * <p>{@code unjudged} counts trials left out of n because a verdict the rate needs is
 * UNJUDGED; {@code errored} counts trials left out because of an infrastructure error. Trials
 * that are outside the denominator by definition (e.g. failed executions for a "-completed"
 * rate) are in neither count.
 *
 * <p>{@link #toString()} is the one rendering every front end uses: {@code 7/40 = 17.5% [8.7, 32.0]},
 * and {@code 0/0 = n/a} when nothing was counted.
 */
public record Rate(int k, int n, Interval interval, IntervalMethod method, double confidence,
                   int unjudged, int errored) {

    public Rate {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
        if (unjudged < 0 || errored < 0) {
            throw new IllegalArgumentException("excluded counts must be >= 0");
        }
        Confidence.check(confidence);
        Objects.requireNonNull(method, "method");
        interval = Objects.requireNonNull(interval, "interval").clamp(0, 1);
    }

    /** k/n with a 95% Wilson interval and nothing excluded. */
    public static Rate wilson(int k, int n) {
        return wilson(k, n, Confidence.DEFAULT, 0, 0);
    }

    /** k/n with a Wilson interval at the given confidence and the excluded-trial counts. */
    public static Rate wilson(int k, int n, double confidence, int unjudged, int errored) {
        return new Rate(k, n, Wilson.interval(k, n, confidence), IntervalMethod.WILSON, confidence,
                unjudged, errored);
    }

    /** The point estimate k/n, NaN when n = 0. */
    public double p() {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    public double lower() {
        return interval.lower();
    }

    public double upper() {
        return interval.upper();
    }

    /** The same counts with another interval (e.g. a cluster bootstrap). */
    public Rate withInterval(Interval other, IntervalMethod how) {
        return new Rate(k, n, other, how, confidence, unjudged, errored);
    }

    @Override
    public String toString() {
        if (n == 0) return k + "/" + n + " = n/a";
        return String.format(Locale.ROOT, "%d/%d = %.1f%% [%.1f, %.1f]",
                k, n, 100.0 * p(), 100.0 * lower(), 100.0 * upper());
    }
}
