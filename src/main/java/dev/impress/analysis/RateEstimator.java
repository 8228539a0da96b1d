package dev.impress.analysis;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns trial outcomes into {@link Rate}s and {@link Metrics}.
 *
 * <p>Interval choice, per metric: when every scenario contributes at most one counted trial,
 * trials are independent and the interval is Wilson's. When some scenario contributes several
 * (epochs, or several conditions pooled in one group), its trials are correlated and the
 * interval is a scenario-clustered percentile bootstrap ({@link ClusterBootstrap}) seeded from
 * the options: each group starts from the same seed, so a group's interval does not depend on
 * which other groups were analysed. No such interval is ever narrower than Wilson's on the
 * observed rate with n = the number of distinct scenarios, and below
 * {@value #MIN_BOOTSTRAP_CLUSTERS} scenarios (or at k = 0 or k = n, where every resample gives the
 * same rate) that Wilson interval is used instead of the bootstrap.
 *
 * <p>Why {@value #MIN_BOOTSTRAP_CLUSTERS}: a percentile bootstrap over G clusters has at most
 * G distinct resampling units, and its coverage for a proportion falls well below nominal for small
 * G (Cameron, Gelbach and Miller 2008 report it for cluster-robust inference below about 20-30
 * clusters; in the demo, cells of 2-3 scenarios gave zero-width intervals such as 2/8 = 25.0%
 * [25.0, 25.0]). Under 15 scenarios the conservative Wilson-on-scenarios interval is used; from 15
 * on the bootstrap, floored by that interval, so a small G can only widen it.
 */
public final class RateEstimator {
    private static final Metric[] ALL = Metric.values();
    /** Fewest distinct scenarios for which a clustered bootstrap interval is used (see the class comment). */
    public static final int MIN_BOOTSTRAP_CLUSTERS = 15;

    private final AnalysisOptions options;

    public RateEstimator() {
        this(AnalysisOptions.DEFAULT);
    }

    public RateEstimator(AnalysisOptions options) {
        this.options = options;
    }

    public AnalysisOptions options() {
        return options;
    }

    public Rate rate(Collection<TrialOutcome> outcomes, Metric metric) {
        return rates(outcomes, metric)[0];
    }

    public Metrics metrics(Collection<TrialOutcome> outcomes) {
        Rate[] r = rates(outcomes, ALL);
        Set<String> scenarios = new HashSet<>();
        int errored = 0;
        for (TrialOutcome t : outcomes) {
            scenarios.add(t.scenarioHash());
            if (t.errored()) errored++;
        }
        return new Metrics(outcomes.size(), scenarios.size(), errored,
                r[Metric.ESR.ordinal()], r[Metric.RAIR_ALL.ordinal()], r[Metric.RAIR_COMPLETED.ordinal()],
                r[Metric.RACR_ALL.ordinal()], r[Metric.RACR_COMPLETED.ordinal()], r[Metric.RSR.ordinal()],
                r[Metric.RAIR_RS.ordinal()]);
    }

    private Rate[] rates(Collection<TrialOutcome> outcomes, Metric... metrics) {
        int m = metrics.length;
        int[] hits = new int[m];
        int[] counted = new int[m];
        int[] unjudged = new int[m];
        int[] errored = new int[m];
        ClusterTable.Builder clusters = new ClusterTable.Builder(m);
        for (TrialOutcome t : outcomes) {
            long[] row = null; // the trial's scenario's sums, looked up once and only when needed
            for (int s = 0; s < m; s++) {
                switch (metrics[s].tally(t)) {
                    case HIT -> {
                        hits[s]++;
                        counted[s]++;
                        if (row == null) row = clusters.row(t.scenarioHash());
                        clusters.add(row, s, 1, 1);
                    }
                    case MISS -> {
                        counted[s]++;
                        if (row == null) row = clusters.row(t.scenarioHash());
                        clusters.add(row, s, 0, 1);
                    }
                    case UNJUDGED -> unjudged[s]++;
                    case ERRORED -> errored[s]++;
                    case OUTSIDE -> { }
                }
            }
        }
        ClusterTable table = clusters.build();
        boolean[] wanted = new boolean[m];
        boolean any = false;
        for (int s = 0; s < m; s++) any |= wanted[s] = needsBootstrap(table, s, hits[s], counted[s]);
        Interval[] boot = any
                ? ClusterBootstrap.percentileIntervals(table, wanted, options.resamples(), options.seed(), options.confidence())
                : new Interval[m];
        Rate[] out = new Rate[m];
        for (int s = 0; s < m; s++) {
            out[s] = rate(hits[s], counted[s], unjudged[s], errored[s], table, s, boot[s], options.confidence());
        }
        return out;
    }

    /** Whether {@link #rate} will use statistic s's bootstrap interval: 0 < k < n with correlated trials over enough scenarios. */
    private static boolean needsBootstrap(ClusterTable table, int s, int hits, int counted) {
        return hits > 0 && hits < counted && table.repeated(s) && table.clustersWithData(s) >= MIN_BOOTSTRAP_CLUSTERS;
    }

    /**
     * The rate for statistic s of a cluster table, with the interval rule described on the
     * class. Shared with {@link PairedComparison} so paired and unpaired rates agree.
     */
    static Rate rate(int k, int n, int unjudged, int errored, ClusterTable table, int s,
                     Interval bootstrapped, double confidence) {
        Rate wilson = Rate.wilson(k, n, confidence, unjudged, errored);
        if (n == 0 || !table.repeated(s)) return wilson;
        int scenarios = table.clustersWithData(s);
        Interval floor = Wilson.interval((double) k / n, scenarios, confidence);
        if (k > 0 && k < n && bootstrapped != null && scenarios >= MIN_BOOTSTRAP_CLUSTERS) {
            Interval widened = new Interval(Math.min(bootstrapped.lower(), floor.lower()), Math.max(bootstrapped.upper(), floor.upper()));
            return wilson.withInterval(widened, IntervalMethod.CLUSTER_BOOTSTRAP);
        }
        return wilson.withInterval(floor, IntervalMethod.WILSON_ON_SCENARIOS);
    }
}
