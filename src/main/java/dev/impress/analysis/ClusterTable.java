package dev.impress.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per-cluster (per-scenario) sums of numerator and denominator for several ratio statistics:
 * exactly what a cluster bootstrap needs, so a resample costs O(clusters x statistics) however
 * many trials there are. Clusters are kept in key order so that a seed always draws the same
 * scenarios, whatever order the outcomes came in.
 */
final class ClusterTable {
    final long[][] numerators;   // [cluster][statistic]
    final long[][] denominators; // [cluster][statistic]
    final int statistics;

    private ClusterTable(long[][] numerators, long[][] denominators, int statistics) {
        this.numerators = numerators;
        this.denominators = denominators;
        this.statistics = statistics;
    }

    int clusters() {
        return numerators.length;
    }

    /** Clusters that contribute to statistic s at all. */
    int clustersWithData(int s) {
        int c = 0;
        for (long[] d : denominators) if (d[s] > 0) c++;
        return c;
    }

    /** True when some cluster holds more than one unit of statistic s: trials are correlated. */
    boolean repeated(int s) {
        for (long[] d : denominators) if (d[s] > 1) return true;
        return false;
    }

    static final class Builder {
        private final int statistics;
        private final Map<String, long[][]> sums = new TreeMap<>();

        Builder(int statistics) {
            this.statistics = statistics;
        }

        Builder add(String cluster, int statistic, long numerator, long denominator) {
            long[][] row = sums.computeIfAbsent(cluster, _ -> new long[2][statistics]);
            row[0][statistic] += numerator;
            row[1][statistic] += denominator;
            return this;
        }

        ClusterTable build() {
            long[][] num = new long[sums.size()][];
            long[][] den = new long[sums.size()][];
            int i = 0;
            for (long[][] row : sums.values()) {
                num[i] = row[0];
                den[i] = row[1];
                i++;
            }
            return new ClusterTable(num, den, statistics);
        }
    }
}
