package dev.impress.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * Collects per-cluster sums. Callers that add several statistics for one trial fetch the
     * cluster's {@link #row} once and add to it: the lookup by scenario hash is the costly part.
     */
    static final class Builder {
        private final int statistics;
        // numerators then denominators of one cluster; sorted by key only once, in build()
        private final Map<String, long[]> sums = new HashMap<>();

        Builder(int statistics) {
            this.statistics = statistics;
        }

        /** The sums of one cluster, created on first use, for {@link #add(long[], int, long, long)}. */
        long[] row(String cluster) {
            return sums.computeIfAbsent(cluster, _ -> new long[2 * statistics]);
        }

        void add(long[] row, int statistic, long numerator, long denominator) {
            row[statistic] += numerator;
            row[statistics + statistic] += denominator;
        }

        ClusterTable build() {
            String[] keys = sums.keySet().toArray(String[]::new);
            Arrays.sort(keys);
            long[][] num = new long[keys.length][];
            long[][] den = new long[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                long[] row = sums.get(keys[i]);
                num[i] = Arrays.copyOfRange(row, 0, statistics);
                den[i] = Arrays.copyOfRange(row, statistics, 2 * statistics);
            }
            return new ClusterTable(num, den, statistics);
        }
    }
}
