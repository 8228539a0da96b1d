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
        if (n == 0) return new Interval(0, 1);
        double z = Normal.twoSidedCritical(confidence);
        double z2 = z * z;
        double p = (double) k / n;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = k == 0 ? 0 : centre - half;
        double upper = k == n ? 1 : centre + half;
        return new Interval(lower, upper).clamp(0, 1);
    }
}
