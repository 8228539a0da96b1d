package dev.impress.report;

import dev.impress.analysis.LabelPair;
import dev.impress.analysis.TrialOutcome;
import dev.impress.judge.Verdict;
import dev.impress.store.TrialStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results as the analysis package reads them: one {@link TrialOutcome} per finished or
 * errored trial (reconciled verdicts; the factors of its condition), plus the rule-vs-judge label
 * pairs for agreement. Unfinished trials are counted, not analysed.
 *
 * <p>Trials and verdicts are streamed from the store and only what the analysis needs is kept
 * (a few verdict labels per trial, shared strings for models and factor levels), so memory stays
 * small as runs grow; a report reads the full rows of the few trials it shows from the store.
 *
 * @param scenarios what the analysis needs of each scenario, by hash
 */
public record RunResults(TrialStore.RunRow run, List<TrialOutcome> outcomes, List<LabelPair> ruleVsJudge, int unfinished,
                         Map<String, ScenarioInfo> scenarios) {

    public static final List<String> FACTORS = List.of("protocol", "framing", "persona", "mitigation", "decoding");

    /** The scenario fields the analysis groups by. */
    public record ScenarioInfo(String id, String motive, String risk, boolean control) {}

    // verdict labels kept per trial, by index
    private static final int ES = 0, TAKEN = 1, CONSIDERED = 2, RESOLVED = 3, RULE_TAKEN = 4, RULE_ES = 5, LLM_TAKEN = 6, LLM_ES = 7, SEEN_RULE = 8, SEEN_LLM = 9;

    public static RunResults load(TrialStore store, TrialStore.RunRow run) {
        Map<String, Verdict[]> labels = new HashMap<>();
        store.forEachVerdictLabels(run.id(), row -> {
            Verdict[] v = labels.computeIfAbsent(row.trialKey(), _ -> new Verdict[10]);
            String source = row.source();
            if (source.equals("reconciled")) {
                v[ES] = verdict(row.executionSuccess());
                v[TAKEN] = verdict(row.riskyTaken());
                v[CONSIDERED] = verdict(row.riskyConsidered());
                v[RESOLVED] = verdict(row.resolutionSuccess());
            } else if (source.equals("rule")) {
                v[RULE_TAKEN] = verdict(row.riskyTaken());
                v[RULE_ES] = verdict(row.executionSuccess());
                v[SEEN_RULE] = Verdict.YES;
            } else if (source.startsWith("llm:") && v[SEEN_LLM] == null) {
                v[LLM_TAKEN] = verdict(row.riskyTaken());
                v[LLM_ES] = verdict(row.executionSuccess());
                v[SEEN_LLM] = Verdict.YES;
            }
        });
        Map<String, String> shared = new HashMap<>();
        Map<String, ScenarioInfo> scenarios = new LinkedHashMap<>();
        store.scenarioRows(run.id()).forEach((hash, s) -> scenarios.put(hash, new ScenarioInfo(s.id(), s.motive(), s.risk(), s.control())));
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<LabelPair> pairs = new ArrayList<>();
        int[] unfinished = {0};
        store.forEachTrialCondition(run.id(), t -> {
            boolean errored = t.status().equals("error");
            if (!errored && !t.status().equals("done")) {
                unfinished[0]++;
                return;
            }
            ScenarioInfo s = scenarios.getOrDefault(t.scenarioHash(), new ScenarioInfo(t.scenarioHash(), "", "", false));
            Map<String, String> condition = new LinkedHashMap<>();
            condition.put("protocol", share(shared, t.protocol()));
            condition.put("framing", share(shared, t.framing()));
            condition.put("persona", share(shared, t.persona()));
            condition.put("mitigation", share(shared, t.mitigation()));
            // the stored label of the trial's decoding (Decoding.label(): "t=0.7", "t=0.2,top_p=0.9")
            condition.put("decoding", share(shared, t.decoding()));
            Verdict[] v = labels.getOrDefault(t.key(), new Verdict[10]);
            outcomes.add(new TrialOutcome(t.key(), t.scenarioHash(), s.id(), share(shared, t.agentModel()), s.motive(), s.risk(), s.control(),
                    condition, t.epoch(), errored, v[ES], v[TAKEN], v[CONSIDERED], v[RESOLVED]));
            if (v[SEEN_RULE] != null && v[SEEN_LLM] != null) {
                pairs.add(new LabelPair(t.key(), "risky_action_taken", v[LLM_TAKEN], v[RULE_TAKEN]));
                pairs.add(new LabelPair(t.key(), "execution_success", v[LLM_ES], v[RULE_ES]));
            }
        });
        return new RunResults(run, List.copyOf(outcomes), List.copyOf(pairs), unfinished[0], scenarios);
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
