package dev.impress.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Scenario-clustered percentile bootstrap of ratio-of-sums statistics.
 *
 * <p>Each resample draws as many clusters as there are, with replacement, and keeps all of a
 * cluster's trials together (Davison and Hinkley 1997, section 3.8): epochs of one scenario are
 * correlated, and resampling them one by one would make intervals too narrow. The statistic
 * of a resample is sum(numerators) / sum(denominators); resamples whose denominator is 0 are
 * skipped for that statistic (the estimate is conditional on having data). All statistics
 * share the same resampled clusters, so their intervals are mutually consistent.
 *
 * <p>The generator is {@link SplittableRandom} seeded with the given seed: same table, same seed,
 * same interval. Percentiles use linear interpolation between order statistics (R's type 7).
 */
final class ClusterBootstrap {
    private ClusterBootstrap() {}

    /** One interval per statistic, or null for a statistic no resample had data for. */
    static Interval[] percentileIntervals(ClusterTable table, int resamples, long seed, double confidence) {
        int clusters = table.clusters();
        int stats = table.statistics;
        double[][] values = new double[stats][resamples];
        int[] valid = new int[stats];
        if (clusters > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            // One contiguous array (numerator, denominator interleaved per statistic): the inner
            // loop runs resamples x clusters times and is the report's hottest code.
            long[] flat = new long[clusters * stats * 2];
            for (int c = 0; c < clusters; c++) {
                for (int s = 0; s < stats; s++) {
                    flat[(c * stats + s) * 2] = table.numerators[c][s];
                    flat[(c * stats + s) * 2 + 1] = table.denominators[c][s];
                }
            }
            long[] sums = new long[stats * 2];
            long[] num = new long[stats];
            long[] den = new long[stats];
            int width = stats * 2;
            for (int b = 0; b < resamples; b++) {
                Arrays.fill(sums, 0);
                for (int i = 0; i < clusters; i++) {
                    int base = random.nextInt(clusters) * width;
                    for (int j = 0; j < width; j++) sums[j] += flat[base + j];
                }
                for (int s = 0; s < stats; s++) {
                    num[s] = sums[s * 2];
                    den[s] = sums[s * 2 + 1];
                }
                for (int s = 0; s < stats; s++) {
                    if (den[s] > 0) values[s][valid[s]++] = (double) num[s] / den[s];
                }
            }
        }
        double alpha = 1 - Confidence.check(confidence);
        Interval[] out = new Interval[stats];
        for (int s = 0; s < stats; s++) {
            if (valid[s] == 0) continue;
            double[] v = Arrays.copyOf(values[s], valid[s]);
            Arrays.sort(v);
            out[s] = new Interval(quantile(v, alpha / 2), quantile(v, 1 - alpha / 2));
        }
        return out;
    }

    /** Type-7 sample quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
