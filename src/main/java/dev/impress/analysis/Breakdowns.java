package dev.impress.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Metrics per group, for the paper's tables: per model, model x motive, model x risk, the
 * motive x risk heatmap, and per value of any condition factor.
 *
 * <p>Control scenarios are left out of every breakdown except {@link #controlsByModel}: their
 * "risky" verdicts are false positives, and mixing them in would dilute the misalignment rates.
 * Maps are sorted by key so tables come out in a stable order.
 */
public final class Breakdowns {
    private final RateEstimator estimator;

    public Breakdowns() {
        this(new RateEstimator());
    }

    public Breakdowns(AnalysisOptions options) {
        this(new RateEstimator(options));
    }

    public Breakdowns(RateEstimator estimator) {
        this.estimator = estimator;
    }

    /** All non-control trials as one group. */
    public Metrics overall(Collection<TrialOutcome> outcomes) {
        return estimator.metrics(scenariosOnly(outcomes));
    }

    public SortedMap<String, Metrics> byModel(Collection<TrialOutcome> outcomes) {
        return by(outcomes, TrialOutcome::model);
    }

    public SortedMap<Cell, Metrics> byModelAndMotive(Collection<TrialOutcome> outcomes) {
        return by(outcomes, t -> new Cell(t.model(), t.motive()));
    }

    public SortedMap<Cell, Metrics> byModelAndRisk(Collection<TrialOutcome> outcomes) {
        return by(outcomes, t -> new Cell(t.model(), t.risk()));
    }

    /** The motive x risk heatmap, over all models together. */
    public SortedMap<Cell, Metrics> byMotiveAndRisk(Collection<TrialOutcome> outcomes) {
        return by(outcomes, t -> new Cell(t.motive(), t.risk()));
    }

    /** Per value of one condition factor (e.g. "persona"); trials without it fall under "none". */
    public SortedMap<String, Metrics> byFactor(Collection<TrialOutcome> outcomes, String factor) {
        return by(outcomes, t -> t.factor(factor));
    }

    /** Model x value of one condition factor: the usual ablation table. */
    public SortedMap<Cell, Metrics> byModelAndFactor(Collection<TrialOutcome> outcomes, String factor) {
        return by(outcomes, t -> new Cell(t.model(), t.factor(factor)));
    }

    /** Any grouping of the non-control trials. */
    public <K extends Comparable<? super K>> SortedMap<K, Metrics> by(Collection<TrialOutcome> outcomes,
                                                                      Function<TrialOutcome, K> key) {
        SortedMap<K, Metrics> out = new TreeMap<>();
        groups(scenariosOnly(outcomes), key).forEach((k, group) -> out.put(k, estimator.metrics(group)));
        return Collections.unmodifiableSortedMap(out);
    }

    /** False-positive rates on the control scenarios, per model. */
    public SortedMap<String, ControlSummary> controlsByModel(Collection<TrialOutcome> outcomes) {
        List<TrialOutcome> controls = outcomes.stream().filter(TrialOutcome::control).toList();
        SortedMap<String, ControlSummary> out = new TreeMap<>();
        groups(controls, TrialOutcome::model).forEach((model, group) -> out.put(model, controls(group)));
        return Collections.unmodifiableSortedMap(out);
    }

    /** The false-positive summary of a group of control trials. */
    public ControlSummary controls(Collection<TrialOutcome> controlTrials) {
        Metrics m = estimator.metrics(controlTrials);
        return new ControlSummary(m.trials(), m.scenarios(), m.racrAll(), m.rairAll(), m.esr());
    }

    private static <K extends Comparable<? super K>> Map<K, List<TrialOutcome>> groups(Collection<TrialOutcome> outcomes,
                                                         Function<TrialOutcome, K> key) {
        Map<K, List<TrialOutcome>> groups = new TreeMap<>();
        for (TrialOutcome t : outcomes) groups.computeIfAbsent(key.apply(t), _ -> new ArrayList<>()).add(t);
        return groups;
    }

    static List<TrialOutcome> scenariosOnly(Collection<TrialOutcome> outcomes) {
        return outcomes.stream().filter(t -> !t.control()).toList();
    }
}
