package dev.impress.report;

import dev.impress.analysis.Agreement;
import dev.impress.analysis.AgreementResult;
import dev.impress.analysis.AnalysisOptions;
import dev.impress.analysis.Breakdowns;
import dev.impress.analysis.Cell;
import dev.impress.analysis.Concentration;
import dev.impress.analysis.ConcentrationResult;
import dev.impress.analysis.ControlSummary;
import dev.impress.analysis.Holm;
import dev.impress.analysis.HumanReview;
import dev.impress.analysis.LabelPair;
import dev.impress.analysis.Metric;
import dev.impress.analysis.Metrics;
import dev.impress.analysis.PairedComparison;
import dev.impress.analysis.PairedResult;
import dev.impress.analysis.TrialOutcome;
import dev.impress.model.ModelCatalog;
import dev.impress.store.TrialStore;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every number of a report, computed once from a run's results with the analysis package, so
 * the HTML, CSV and JSON forms show the same numbers. Control scenarios appear only in
 * {@link #controls}; everything else is over the misalignment scenarios.
 *
 * @param disagreements the trials where the rule detector and the LLM judge both answered and
 *                      disagree, by {@code field/judge-yes-rule-no} and {@code field/judge-no-rule-yes}
 * @param families      the models by family and access ({@link ModelFamilies#NONE} when no model is tagged)
 * @param review        the judge against the human labels of {@code impress review}, with the corrected RAIR
 *                      ({@link HumanReview#NONE} when nobody labelled a trial)
 */
public record ReportData(TrialStore.RunRow run, boolean simulated, int analysed, int errored, int unfinished,
                         List<String> models, Metrics overall, SortedMap<String, Metrics> byModel,
                         SortedMap<Cell, Metrics> byModelAndMotive, SortedMap<Cell, Metrics> byModelAndRisk,
                         SortedMap<Cell, Metrics> byMotiveAndRisk, List<Ablation> ablations,
                         SortedMap<String, ControlSummary> controls, ConcentrationResult concentration,
                         List<ScenarioRisk> scenarioRisks, SortedMap<String, AgreementResult> agreement,
                         Map<String, List<String>> disagreements, AnalysisOptions options, ModelFamilies families,
                         HumanReview review) {

    /** Every number of the run's report; models are grouped by the catalogue's families and access. */
    public static ReportData of(RunResults results, AnalysisOptions options, Map<String, String> baselines, ModelCatalog catalog) {
        List<TrialOutcome> all = results.outcomes();
        List<String> varying = results.varyingFactors();
        Baselines.checkFactors(baselines, varying);
        Breakdowns b = new Breakdowns(options);
        List<TrialOutcome> scenarios = all.stream().filter(t -> !t.control()).toList();
        // The tables are independent pure computations (bootstraps dominate): compute them side by
        // side. Every interval is seeded, so the result is the same as computing them in turn.
        var byModel = async(() -> b.byModel(all));
        var overall = async(() -> b.overall(all));
        var byMotive = async(() -> b.byModelAndMotive(all));
        var byRisk = async(() -> b.byModelAndRisk(all));
        var heatmap = async(() -> b.byMotiveAndRisk(all));
        var controls = async(() -> b.controlsByModel(all));
        var concentration = async(() -> Concentration.of(all, options.confidence()));
        var agreement = async(() -> Agreement.byField(results.ruleVsJudge(), options.confidence()));
        var pooledFamilies = async(() -> ModelFamilies.pool(all, catalog, options));
        List<CompletableFuture<Ablation>> ablationTasks = new ArrayList<>();
        for (String factor : varying) ablationTasks.add(async(() -> ablation(b, new PairedComparison(options), scenarios, factor, baselines)));
        Map<String, List<String>> disagreements = new TreeMap<>();
        for (LabelPair p : results.ruleVsJudge()) {
            if (p.judge().judged() && p.human().judged() && p.judge() != p.human()) {
                String cell = p.judge() == dev.impress.judge.Verdict.YES ? "/judge-yes-rule-no" : "/judge-no-rule-yes";
                disagreements.computeIfAbsent(p.field() + cell, _ -> new ArrayList<>()).add(p.trialKey());
            }
        }
        List<Ablation> ablations = ablationTasks.stream().map(CompletableFuture::join).toList();
        return new ReportData(results.run(), results.simulated(), all.size(), (int) all.stream().filter(TrialOutcome::errored).count(),
                results.unfinished(), all.stream().map(TrialOutcome::model).distinct().sorted().toList(), overall.join(), byModel.join(),
                byMotive.join(), byRisk.join(), heatmap.join(), List.copyOf(ablations), controls.join(),
                concentration.join(), scenarioRisks(scenarios), agreement.join(), disagreements, options,
                ModelFamilies.of(pooledFamilies.join(), byModel.join(), overall.join()),
                HumanReview.of(results.humanLabels(), all, byModel.join(), options.confidence()));
    }

    /**
     * Runs work on a virtual thread. Not {@code CompletableFuture.supplyAsync}'s common pool: it
     * has one thread fewer than there are cores (a single thread on a 2-core machine), while
     * virtual threads are carried by as many threads as there are cores.
     */
    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, VIRTUAL);
    }

    private static final java.util.concurrent.Executor VIRTUAL = work -> Thread.ofVirtual().name("report-analysis").start(work);

    public boolean hasControls() {
        return !controls.isEmpty();
    }

    private static Ablation ablation(Breakdowns b, PairedComparison paired, List<TrialOutcome> scenarios, String factor,
                                     Map<String, String> baselines) {
        List<String> levels = new ArrayList<>(new TreeSet<>(scenarios.stream().map(t -> t.factor(factor)).toList()));
        String baseline = Baselines.choose(factor, levels, baselines);
        List<String> models = scenarios.stream().map(TrialOutcome::model).distinct().sorted().toList();
        List<String> groups = new ArrayList<>(models);
        if (models.size() > 1) groups.add(null);
        List<PairedResult[]> results = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        for (String model : groups) {
            List<TrialOutcome> group = model == null ? scenarios : scenarios.stream().filter(t -> t.model().equals(model)).toList();
            for (String level : levels) {
                if (level.equals(baseline)) continue;
                results.add(paired.compareFactor(group, factor, baseline, level, List.of(Metric.RAIR_ALL, Metric.RACR_ALL))
                        .toArray(PairedResult[]::new));
                keys.add(new String[] {model, level});
            }
        }
        double[] holm = Holm.adjust(results.stream().mapToDouble(r -> r[0].mcnemar().pValue()).toArray());
        List<Ablation.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            comparisons.add(new Ablation.Comparison(keys.get(i)[0], keys.get(i)[1], results.get(i)[0], results.get(i)[1], holm[i]));
        }
        // the baseline first, then the other levels in sorted order
        List<String> ordered = new ArrayList<>(List.of(baseline));
        levels.stream().filter(l -> !l.equals(baseline)).forEach(ordered::add);
        return new Ablation(factor, baseline, List.copyOf(ordered), b.byModelAndFactor(scenarios, factor), List.copyOf(comparisons));
    }

    /** Risky-action counts per scenario (the RAIR-all event), most risky first. */
    private static List<ScenarioRisk> scenarioRisks(List<TrialOutcome> scenarios) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, TrialOutcome> first = new LinkedHashMap<>();
        for (TrialOutcome t : scenarios) {
            int[] c = counts.computeIfAbsent(t.scenarioHash(), _ -> new int[3]);
            first.putIfAbsent(t.scenarioHash(), t);
            c[0]++;
            switch (Metric.RAIR_ALL.tally(t)) {
                case HIT -> c[1]++;
                case UNJUDGED, ERRORED -> c[2]++;
                case MISS, OUTSIDE -> { }
            }
        }
        List<ScenarioRisk> out = new ArrayList<>();
        counts.forEach((hash, c) -> {
            TrialOutcome t = first.get(hash);
            out.add(new ScenarioRisk(t.scenarioId(), t.motive(), t.risk(), c[0], c[1], c[2]));
        });
        out.sort(Comparator.comparingInt(ScenarioRisk::risky).reversed().thenComparing(ScenarioRisk::scenarioId));
        return List.copyOf(out);
    }
}
