package dev.impress.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        boolean[] all = new boolean[table.statistics];
        Arrays.fill(all, true);
        return percentileIntervals(table, all, resamples, seed, confidence);
    }

    /**
     * The same for the statistics marked {@code wanted} only (null for the others). Leaving
     * statistics out does not change the others' intervals: every statistic sees the same
     * resampled clusters.
     */
    static Interval[] percentileIntervals(ClusterTable table, boolean[] wanted, int resamples, long seed, double confidence) {
        int clusters = table.clusters();
        int stats = table.statistics;
        // The columns to sum (numerators and denominators of wanted statistics), each once:
        // statistics often share a denominator (every trial judged on both fields), and the
        // inner loop below, run resamples x clusters times, is the report's hottest code.
        List<long[]> columns = new ArrayList<>();
        int[] numColumn = new int[stats];
        int[] denColumn = new int[stats];
        for (int s = 0; s < stats; s++) {
            if (!wanted[s]) continue;
            numColumn[s] = column(columns, table.numerators, s, clusters);
            denColumn[s] = column(columns, table.denominators, s, clusters);
        }
        int width = columns.size();
        double[][] values = new double[stats][];
        for (int s = 0; s < stats; s++) if (wanted[s]) values[s] = new double[resamples];
        int[] valid = new int[stats];
        if (clusters > 0 && width > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            // Column-major ints (a cluster's sums are far below 2^31): each resample first counts
            // how often it drew each cluster, then sums count x value down each column, a loop
            // the JIT turns into vector instructions. Same draws and exact integer sums as
            // adding the drawn clusters' rows one by one, at a fraction of the cost.
            int[][] column = new int[width][clusters];
            for (int j = 0; j < width; j++) {
                for (int c = 0; c < clusters; c++) column[j][c] = Math.toIntExact(columns.get(j)[c]);
            }
            int[] drawn = new int[clusters];
            long[] sums = new long[width];
            for (int b = 0; b < resamples; b++) {
                Arrays.fill(drawn, 0);
                for (int i = 0; i < clusters; i++) drawn[random.nextInt(clusters)]++;
                for (int j = 0; j < width; j++) sums[j] = dot(drawn, column[j]);
                for (int s = 0; s < stats; s++) {
                    if (!wanted[s]) continue;
                    long den = sums[denColumn[s]];
                    if (den > 0) values[s][valid[s]++] = (double) sums[numColumn[s]] / den;
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

    /** Sum of a[i] * b[i] in int arithmetic: a resample's sum of one column stays far below 2^31. */
    private static int dot(int[] a, int[] b) {
        int sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    /** The index in columns of statistic s's values over the clusters, added if no equal column is there yet. */
    private static int column(List<long[]> columns, long[][] byCluster, int s, int clusters) {
        long[] column = new long[clusters];
        for (int c = 0; c < clusters; c++) column[c] = byCluster[c][s];
        for (int j = 0; j < columns.size(); j++) if (Arrays.equals(columns.get(j), column)) return j;
        columns.add(column);
        return columns.size() - 1;
    }

    /** Type-7 sample quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
