package dev.impress.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Paired comparison of two conditions on the same scenarios (safety prompt off vs on, persona A
 * vs B, model A vs B). Trials are paired by scenario and epoch, and by everything else that
 * must match; then the result gives churn, McNemar's exact test (the clustered McNemar test when a
 * scenario contributes several pairs), both rates over the same pairs
 * and a paired bootstrap interval of the difference.
 *
 * <p>The bootstrap resamples scenarios with all their pairs (several epochs, or several models
 * in a factor comparison), for the same reason as {@link RateEstimator}. With no discordant
 * pair every resample gives a difference of 0 and the interval is [0, 0]: read it together with
 * the number of pairs, which the result always carries.
 */
public final class PairedComparison {
    private static final int A = 0;
    private static final int B = 1;
    private static final int DIFFERENCE = 2;

    private final AnalysisOptions options;

    public PairedComparison() {
        this(AnalysisOptions.DEFAULT);
    }

    public PairedComparison(AnalysisOptions options) {
        this.options = options;
    }

    /**
     * Pairs trial sets a and b by (scenario, epoch). Each set must hold at most one trial per
     * scenario and epoch (select one model and one condition per side); otherwise the pairing
     * would be ambiguous and this throws.
     */
    public PairedResult compare(Collection<TrialOutcome> a, Collection<TrialOutcome> b, Metric metric) {
        return compare(a, b, metric, t -> new ScenarioEpoch(t.scenarioHash(), t.epoch()));
    }

    /**
     * Compares two values of one condition factor (e.g. mitigation "none" vs "safety-prompt").
     * A trial is paired with the trial that has the same scenario, epoch, model and every other
     * factor, so this works on a whole factorial experiment at once.
     */
    public PairedResult compareFactor(Collection<TrialOutcome> outcomes, String factor, String valueA,
                                      String valueB, Metric metric) {
        return compareFactor(outcomes, factor, valueA, valueB, List.of(metric)).getFirst();
    }

    /** The same for several metrics over the same pairs (pairing is done once): one result per metric, in order. */
    public List<PairedResult> compareFactor(Collection<TrialOutcome> outcomes, String factor, String valueA,
                                            String valueB, List<Metric> metrics) {
        Objects.requireNonNull(factor, "factor");
        if (Objects.equals(valueA, valueB)) throw new IllegalArgumentException("compare two different values");
        List<TrialOutcome> a = outcomes.stream().filter(t -> t.factor(factor).equals(valueA)).toList();
        List<TrialOutcome> b = outcomes.stream().filter(t -> t.factor(factor).equals(valueB)).toList();
        // The rest of a condition (all factors but this one) gets a small number, computed once
        // per distinct condition map: hashing whole maps for every trial was the slow part.
        Map<Map<String, String>, Integer> restIds = new HashMap<>();
        Map<Map<String, String>, Integer> byInstance = new IdentityHashMap<>();
        Function<TrialOutcome, Object> key = t -> new FactorKey(t.scenarioHash(), t.epoch(), t.model(),
                byInstance.computeIfAbsent(t.condition(), c -> restIds.computeIfAbsent(without(c, factor), _ -> restIds.size())));
        return compare(a, b, metrics, key);
    }

    /** Compares two models; a trial is paired with the other model's trial under the same condition. */
    public PairedResult compareModels(Collection<TrialOutcome> outcomes, String modelA, String modelB, Metric metric) {
        if (Objects.equals(modelA, modelB)) throw new IllegalArgumentException("compare two different models");
        List<TrialOutcome> a = outcomes.stream().filter(t -> t.model().equals(modelA)).toList();
        List<TrialOutcome> b = outcomes.stream().filter(t -> t.model().equals(modelB)).toList();
        return compare(a, b, metric, t -> new ConditionKey(t.scenarioHash(), t.epoch(), t.condition()));
    }

    private record ScenarioEpoch(String scenarioHash, int epoch) {}

    private record FactorKey(String scenarioHash, int epoch, String model, int restOfCondition) {}

    private record ConditionKey(String scenarioHash, int epoch, Map<String, String> condition) {}

    private static Map<String, String> without(Map<String, String> condition, String factor) {
        Map<String, String> rest = new HashMap<>(condition);
        rest.remove(factor);
        return rest;
    }

    private PairedResult compare(Collection<TrialOutcome> a, Collection<TrialOutcome> b, Metric metric,
                                 Function<TrialOutcome, Object> key) {
        return compare(a, b, List.of(metric), key).getFirst();
    }

    private List<PairedResult> compare(Collection<TrialOutcome> a, Collection<TrialOutcome> b, List<Metric> metrics,
                                       Function<TrialOutcome, Object> key) {
        Map<Object, TrialOutcome> byKeyA = index(a, key, "A");
        Map<Object, TrialOutcome> byKeyB = index(b, key, "B");
        int onlyInA = 0;
        List<TrialOutcome[]> pairs = new ArrayList<>();
        for (var entry : byKeyA.entrySet()) {
            TrialOutcome tb = byKeyB.remove(entry.getKey());
            if (tb == null) onlyInA++;
            else pairs.add(new TrialOutcome[] {entry.getValue(), tb});
        }
        List<PairedResult> out = new ArrayList<>();
        for (Metric metric : metrics) out.add(compare(pairs, onlyInA, byKeyB.size(), metric));
        return out;
    }

    private PairedResult compare(List<TrialOutcome[]> matched, int onlyInA, int onlyInB, Metric metric) {
        int errored = 0;
        int unjudged = 0;
        int outside = 0;
        int bothYes = 0, yesToNo = 0, noToYes = 0, bothNo = 0;
        ClusterTable.Builder clusters = new ClusterTable.Builder(3);
        List<DiscordantPair> discordant = new ArrayList<>();
        // discordant counts per scenario, for the clustered test: {yes->no, no->yes, pairs}
        Map<String, int[]> byScenario = new LinkedHashMap<>();
        for (TrialOutcome[] pair : matched) {
            TrialOutcome ta = pair[0];
            TrialOutcome tb = pair[1];
            Tally x = metric.tally(ta);
            Tally y = metric.tally(tb);
            if (x == Tally.ERRORED || y == Tally.ERRORED) errored++;
            else if (x == Tally.UNJUDGED || y == Tally.UNJUDGED) unjudged++;
            else if (x == Tally.OUTSIDE || y == Tally.OUTSIDE) outside++;
            else {
                boolean ya = x == Tally.HIT;
                boolean yb = y == Tally.HIT;
                if (ya && yb) bothYes++;
                else if (ya) {
                    yesToNo++;
                    discordant.add(new DiscordantPair(ta.trialKey(), tb.trialKey(), true));
                } else if (yb) {
                    noToYes++;
                    discordant.add(new DiscordantPair(ta.trialKey(), tb.trialKey(), false));
                }
                else bothNo++;
                int[] counts = byScenario.computeIfAbsent(ta.scenarioHash(), _ -> new int[3]);
                counts[2]++;
                if (ya && !yb) counts[0]++;
                if (yb && !ya) counts[1]++;
                long[] row = clusters.row(ta.scenarioHash());
                clusters.add(row, A, ya ? 1 : 0, 1);
                clusters.add(row, B, yb ? 1 : 0, 1);
                clusters.add(row, DIFFERENCE, (yb ? 1 : 0) - (ya ? 1 : 0), 1);
            }
        }
        Churn churn = new Churn(bothYes, yesToNo, noToYes, bothNo);
        int pairs = churn.pairs();
        ClusterTable table = clusters.build();
        double confidence = options.confidence();
        Interval[] boot = pairs == 0 ? new Interval[3]
                : ClusterBootstrap.percentileIntervals(table, options.resamples(), options.seed(), confidence);
        Rate rateA = RateEstimator.rate(bothYes + yesToNo, pairs, unjudged, errored, table, A, boot[A], confidence);
        Rate rateB = RateEstimator.rate(bothYes + noToYes, pairs, unjudged, errored, table, B, boot[B], confidence);
        double difference = pairs == 0 ? Double.NaN : (double) (noToYes - yesToNo) / pairs;
        Interval differenceInterval = boot[DIFFERENCE] == null ? new Interval(-1, 1) : boot[DIFFERENCE].clamp(-1, 1);
        return new PairedResult(metric, churn, rateA, rateB, difference, differenceInterval,
                test(yesToNo, noToYes, byScenario), new PairExclusions(onlyInA, onlyInB, errored, unjudged, outside), discordant);
    }

    /**
     * McNemar's exact test when every scenario contributes one pair (pairs are then independent);
     * the clustered McNemar test when some scenario contributes several (epochs, conditions), so
     * that correlated pairs from one scenario are not counted as independent evidence.
     */
    static McNemarResult test(int yesToNo, int noToYes, Map<String, int[]> byScenario) {
        boolean repeated = byScenario.values().stream().anyMatch(c -> c[2] > 1);
        if (!repeated) return McNemar.exact(yesToNo, noToYes);
        int[] b = byScenario.values().stream().mapToInt(c -> c[0]).toArray();
        int[] c = byScenario.values().stream().mapToInt(x -> x[1]).toArray();
        return McNemar.clustered(b, c);
    }

    private static Map<Object, TrialOutcome> index(Collection<TrialOutcome> trials, Function<TrialOutcome, Object> key,
                                                   String side) {
        Map<Object, TrialOutcome> out = new LinkedHashMap<>();
        for (TrialOutcome t : trials) {
            TrialOutcome previous = out.put(key.apply(t), t);
            if (previous != null) {
                throw new IllegalArgumentException("condition " + side + " has two trials for the same pair key ("
                        + previous.trialKey() + ", " + t.trialKey() + "): scenario " + t.scenarioId()
                        + ", epoch " + t.epoch() + "; select one model and one condition per side");
            }
        }
        return out;
    }
}
