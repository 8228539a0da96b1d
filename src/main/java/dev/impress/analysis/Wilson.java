package dev.impress.analysis;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; recommended by Newcombe 1998
 * and Brown, Cai and DasGupta 2001 over the Wald interval, which collapses at 0 and n).
 */
public final class Wilson {
    private Wilson() {}

    /**
     * The interval for k successes in n trials. With n = 0 there is no information: [0, 1].
     * Bounds are clamped to [0, 1] (the formula overshoots by ~1e-16 at the extremes), and at
     * k = 0 and k = n the bound that is exactly 0 or 1 in theory is set exactly.
     */
    public static Interval interval(int k, int n, double confidence) {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
        return interval((double) k / Math.max(n, 1), n, confidence, k == 0, k == n);
    }

    /**
     * The interval for an observed proportion {@code p} with an effective sample size of {@code n}
     * (for example the number of distinct scenarios behind a rate over repeated trials): the same
     * formula with p not restricted to a multiple of 1/n.
     */
    public static Interval interval(double p, int n, double confidence) {
        if (n < 0 || p < 0 || p > 1) throw new IllegalArgumentException("need 0 <= p <= 1 and n >= 0, got p=" + p + ", n=" + n);
        return interval(p, n, confidence, p == 0, p == 1);
    }

    private static Interval interval(double p, int n, double confidence, boolean atZero, boolean atOne) {
        if (n == 0) return new Interval(0, 1);
        double z = Normal.twoSidedCritical(confidence);
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = atZero ? 0 : centre - half;
        double upper = atOne ? 1 : centre + half;
        return new Interval(lower, upper).clamp(0, 1);
    }
}
