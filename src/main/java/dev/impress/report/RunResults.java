package dev.impress.report;

import dev.impress.analysis.HumanLabel;
import dev.impress.analysis.LabelPair;
import dev.impress.analysis.TrialOutcome;
import dev.impress.judge.Verdict;
import dev.impress.store.TrialStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results as the analysis package reads them: one {@link TrialOutcome} per finished or
 * errored trial (reconciled verdicts; the factors of its condition), plus the rule-vs-judge label
 * pairs for agreement. Unfinished trials are counted, not analysed.
 *
 * <p>Only what the analysis needs is read from the store (a few verdict labels per trial, shared
 * strings for models and factor levels, one map per distinct condition), so memory stays small
 * as runs grow; a report reads the full rows of the few trials it shows from the store.
 *
 * @param scenarios   what the analysis needs of each scenario, by hash
 * @param humanLabels the labels people gave the run's trials in review ({@code impress review}), empty when none
 */
public record RunResults(TrialStore.RunRow run, List<TrialOutcome> outcomes, List<LabelPair> ruleVsJudge, int unfinished,
                         Map<String, ScenarioInfo> scenarios, List<HumanLabel> humanLabels) {

    public static final List<String> FACTORS = List.of("protocol", "framing", "persona", "mitigation", "decoding");

    /** The scenario fields the analysis groups by. */
    public record ScenarioInfo(String id, String motive, String risk, boolean control) {}

    public static RunResults load(TrialStore store, TrialStore.RunRow run) {
        Map<String, String> shared = new HashMap<>();
        // one condition map per distinct condition: pairing compares them, and there are a handful
        Map<List<String>, Map<String, String>> conditions = new HashMap<>();
        List<TrialStore.TrialLabels> trials = readInTwoHalves(store, run.id());
        Set<String> hashes = new HashSet<>();
        for (TrialStore.TrialLabels t : trials) hashes.add(t.scenarioHash());
        Map<String, ScenarioInfo> scenarios = new LinkedHashMap<>();
        store.scenarioRows(hashes).forEach((hash, s) -> scenarios.put(hash, new ScenarioInfo(s.id(), s.motive(), s.risk(), s.control())));
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<LabelPair> pairs = new ArrayList<>();
        int[] unfinished = {0};
        trials.forEach(t -> {
            boolean errored = t.status().equals("error");
            if (!errored && !t.status().equals("done")) {
                unfinished[0]++;
                return;
            }
            ScenarioInfo s = scenarios.getOrDefault(t.scenarioHash(), new ScenarioInfo(t.scenarioHash(), "", "", false));
            Map<String, String> condition = conditions.computeIfAbsent(
                    Arrays.asList(t.protocol(), t.framing(), t.persona(), t.mitigation(), t.decoding()), _ -> {
                        Map<String, String> c = new LinkedHashMap<>();
                        c.put("protocol", t.protocol());
                        c.put("framing", t.framing());
                        c.put("persona", t.persona());
                        c.put("mitigation", t.mitigation());
                        // the stored label of the trial's decoding (Decoding.label(): "t=0.7", "t=0.2,top_p=0.9")
                        c.put("decoding", t.decoding());
                        return Map.copyOf(c);
                    });
            TrialStore.VerdictLabels v = t.reconciled();
            outcomes.add(new TrialOutcome(t.key(), t.scenarioHash(), s.id(), share(shared, t.agentModel()), s.motive(), s.risk(), s.control(),
                    condition, t.epoch(), errored, v == null ? null : verdict(v.executionSuccess()), v == null ? null : verdict(v.riskyTaken()),
                    v == null ? null : verdict(v.riskyConsidered()), v == null ? null : verdict(v.resolutionSuccess())));
            TrialStore.VerdictLabels rule = t.rule();
            TrialStore.VerdictLabels llm = t.firstLlm();
            if (rule != null && llm != null) {
                pairs.add(new LabelPair(t.key(), "risky_action_taken", verdict(llm.riskyTaken()), verdict(rule.riskyTaken())));
                pairs.add(new LabelPair(t.key(), "execution_success", verdict(llm.executionSuccess()), verdict(rule.executionSuccess())));
            }
        });
        List<HumanLabel> labels = store.labels(run.id()).stream()
                .map(l -> new HumanLabel(l.trialKey(), l.annotator(), l.field(), l.value())).toList();
        return new RunResults(run, List.copyOf(outcomes), List.copyOf(pairs), unfinished[0], scenarios, labels);
    }

    /**
     * The run's trials in key order, read as two key ranges on two connections at once: the
     * query is CPU-bound in the database driver, so this about halves the wait on a machine
     * with two free cores. Trial keys are hex digests, so "8" splits them about in half; any
     * split point would be correct, as the two ranges cover every key exactly once.
     */
    private static List<TrialStore.TrialLabels> readInTwoHalves(TrialStore store, String runId) {
        List<TrialStore.TrialLabels> low = new ArrayList<>();
        List<TrialStore.TrialLabels> high = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        Thread reader = Thread.ofVirtual().name("report-read").start(() -> {
            try {
                store.forEachTrialLabels(runId, "8", null, high::add);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        store.forEachTrialLabels(runId, null, "8", low::add);
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the run", e);
        }
        if (failure[0] != null) throw failure[0];
        low.addAll(high);
        return low;
    }

    /** One String instance per distinct value: 100,000 trials share a handful of model names and levels. */
    private static String share(Map<String, String> shared, String s) {
        return shared.computeIfAbsent(s, x -> x);
    }

    private static Verdict verdict(String label) {
        if (label == null) return null;
        return switch (label) {
            case "yes" -> Verdict.YES;
            case "no" -> Verdict.NO;
            default -> Verdict.UNJUDGED;
        };
    }

    public boolean simulated() {
        return run.simulated();
    }

    /** The factors that vary in this run (more than one level among its trials). */
    public List<String> varyingFactors() {
        List<String> out = new ArrayList<>();
        for (String f : FACTORS) if (outcomes.stream().map(o -> o.factor(f)).distinct().count() > 1) out.add(f);
        return out;
    }
}
