package dev.impress.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Models grouped the paper's way (spec/paper.md 6.2 and 7.2): per model family, and open-weight
 * versus proprietary. For each group and metric:
 *
 * <ul>
 *   <li>the <b>mean over models</b>: the unweighted mean of the group's per-model rates, as the
 *       paper reports family and access means (every model counts once, whatever its number of
 *       trials);</li>
 *   <li>the <b>variance over models</b>: the <em>population</em> variance of those per-model
 *       rates (divided by the number of models, not by one less), as a fraction: 0.0005 is a
 *       spread of about 2.2 percentage points. This is the paper's "intra-family variance";</li>
 *   <li>optionally the <b>pooled</b> metrics: all the group's trials as one group (see
 *       {@link #pooled}), which weight models by their trials and carry an interval.</li>
 * </ul>
 *
 * A model whose rate has no counted trial (n = 0) is left out of that metric's mean and
 * variance; {@link Spread#models()} says how many models entered them. Pure functions, no I/O.
 */
public final class ModelGroups {
    private ModelGroups() {}

    /**
     * The per-model rates of one metric within a group.
     *
     * @param models   the models whose rate has counted trials: only they enter the mean and variance
     * @param mean     their unweighted mean, NaN when no model has data
     * @param variance their population variance (a fraction), NaN when no model has data
     */
    public record Spread(int models, double mean, double variance) {
        static final Spread NONE = new Spread(0, Double.NaN, Double.NaN);

        /** The spread of these rates; NaN rates (nothing counted) are left out. */
        public static Spread of(double... rates) {
            int m = 0;
            double sum = 0;
            for (double r : rates) {
                if (Double.isNaN(r)) continue;
                m++;
                sum += r;
            }
            if (m == 0) return NONE;
            double mean = sum / m;
            double squares = 0;
            for (double r : rates) {
                if (!Double.isNaN(r)) squares += (r - mean) * (r - mean);
            }
            return new Spread(m, mean, squares / m);
        }
    }

    /**
     * One group of models.
     *
     * @param name    the family or access group
     * @param models  its models, sorted
     * @param spreads the spread of every metric's per-model rates
     * @param pooled  all the group's trials as one group, or null when not computed
     */
    public record Group(String name, List<String> models, Map<Metric, Spread> spreads, Metrics pooled) {
        public Group {
            models = List.copyOf(models);
            spreads = Collections.unmodifiableMap(new EnumMap<>(spreads));
        }

        public Spread spread(Metric metric) {
            return spreads.getOrDefault(metric, Spread.NONE);
        }
    }

    /**
     * The groups of the tagged models.
     *
     * @param byModel   per-model metrics ({@link Breakdowns#byModel})
     * @param groupOf   each tagged model's group; models not in it are left out
     * @param pooled    pooled metrics by group name ({@link #pooled}); may be empty
     */
    public static SortedMap<String, Group> summarise(Map<String, Metrics> byModel, Map<String, String> groupOf,
                                                     Map<String, Metrics> pooled) {
        SortedMap<String, List<String>> members = new TreeMap<>();
        groupOf.forEach((model, group) -> members.computeIfAbsent(group, _ -> new ArrayList<>()).add(model));
        SortedMap<String, Group> out = new TreeMap<>();
        members.forEach((name, models) -> {
            Collections.sort(models);
            out.put(name, group(name, models, byModel, pooled.get(name)));
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /** One group of these models; a model missing from {@code byModel} has no data for any metric. */
    public static Group group(String name, List<String> models, Map<String, Metrics> byModel, Metrics pooled) {
        List<String> sorted = new ArrayList<>(models);
        Collections.sort(sorted);
        Map<Metric, Spread> spreads = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double[] rates = new double[sorted.size()];
            for (int i = 0; i < rates.length; i++) {
                Metrics m = byModel.get(sorted.get(i));
                rates[i] = m == null ? Double.NaN : m.get(metric).p();
            }
            spreads.put(metric, Spread.of(rates));
        }
        return new Group(name, sorted, spreads, pooled);
    }

    /**
     * The mean of the groups' variances of one metric, over the groups where at least two models
     * have data (a one-model group has no spread to speak of): the paper's "intra-family variance
     * is 0.0005 on average". NaN when no group qualifies.
     */
    public static double meanVariance(Collection<Group> groups, Metric metric) {
        double sum = 0;
        int n = 0;
        for (Group g : groups) {
            Spread s = g.spread(metric);
            if (s.models() >= 2) {
                sum += s.variance();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** How many groups {@link #meanVariance} averages over. */
    public static int groupsWithSpread(Collection<Group> groups, Metric metric) {
        return (int) groups.stream().filter(g -> g.spread(metric).models() >= 2).count();
    }

    /**
     * Every group's trials as one group, with the usual interval rule of {@link RateEstimator}:
     * across models the same scenarios repeat, so the interval is normally a scenario-clustered
     * bootstrap, not Wilson's on independent trials. Control scenarios are left out, as in
     * every breakdown; trials of models not in {@code groupOf} too.
     */
    public static SortedMap<String, Metrics> pooled(Breakdowns breakdowns, Collection<TrialOutcome> outcomes, Map<String, String> groupOf) {
        List<TrialOutcome> tagged = outcomes.stream().filter(t -> groupOf.containsKey(t.model())).toList();
        return breakdowns.by(tagged, t -> groupOf.get(t.model()));
    }
}
