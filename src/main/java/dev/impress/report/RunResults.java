package dev.impress.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.analysis.LabelPair;
import dev.impress.analysis.TrialOutcome;
import dev.impress.judge.Verdict;
import dev.impress.store.TrialStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results as the analysis package reads them: one {@link TrialOutcome} per finished or
 * errored trial (reconciled verdicts; the factors of its condition), plus the rule-vs-judge label
 * pairs for agreement. Unfinished trials are counted, not analysed.
 */
public record RunResults(TrialStore.RunRow run, List<TrialOutcome> outcomes, List<LabelPair> ruleVsJudge, int unfinished,
                         Map<String, JsonNode> scenarios, Map<String, TrialStore.TrialRow> trials,
                         Map<String, Map<String, JsonNode>> verdicts) {

    public static final List<String> FACTORS = List.of("protocol", "framing", "persona", "mitigation", "decoding");

    public static RunResults load(TrialStore store, TrialStore.RunRow run) {
        List<TrialStore.TrialRow> rows = store.trials(run.id());
        Map<String, Map<String, JsonNode>> verdicts = store.verdicts(run.id());
        Map<String, JsonNode> scenarios = store.scenarioDocuments(rows.stream().map(TrialStore.TrialRow::scenarioHash).distinct().toList());
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<LabelPair> pairs = new ArrayList<>();
        Map<String, TrialStore.TrialRow> byKey = new LinkedHashMap<>();
        int unfinished = 0;
        for (TrialStore.TrialRow t : rows) {
            byKey.put(t.key(), t);
            boolean errored = t.status().equals("error");
            if (!errored && !t.status().equals("done")) {
                unfinished++;
                continue;
            }
            JsonNode doc = scenarios.get(t.scenarioHash());
            JsonNode spec = t.spec();
            Map<String, String> condition = new LinkedHashMap<>();
            condition.put("protocol", spec.path("protocol").asText());
            condition.put("framing", spec.path("framing").asText());
            condition.put("persona", spec.path("persona").asText());
            condition.put("mitigation", spec.path("mitigation").asText());
            condition.put("decoding", decodingLabel(spec.path("decoding")));
            Map<String, JsonNode> v = verdicts.getOrDefault(t.key(), Map.of());
            JsonNode r = v.get("reconciled");
            outcomes.add(new TrialOutcome(t.key(), t.scenarioHash(), doc.path("id").asText(), t.agentModel(), doc.path("motive").asText(),
                    doc.path("risk").asText(), doc.path("control").asBoolean(false), condition, spec.path("epoch").asInt(1), errored,
                    verdict(r, "execution_success"), verdict(r, "risky_action_taken"), verdict(r, "risky_action_considered"),
                    verdict(r, "resolution_success")));
            JsonNode rule = v.get("rule");
            JsonNode llm = v.entrySet().stream().filter(e -> e.getKey().startsWith("llm:")).map(Map.Entry::getValue).findFirst().orElse(null);
            if (rule != null && llm != null) {
                pairs.add(new LabelPair(t.key(), "risky_action_taken", verdict(llm, "risky_action_taken"), verdict(rule, "risky_action_taken")));
                pairs.add(new LabelPair(t.key(), "execution_success", verdict(llm, "execution_success"), verdict(rule, "execution_success")));
            }
        }
        return new RunResults(run, outcomes, pairs, unfinished, scenarios, byKey, verdicts);
    }

    static String decodingLabel(JsonNode d) {
        List<String> parts = new ArrayList<>();
        if (d.has("temperature")) parts.add("t=" + d.get("temperature").asDouble());
        if (d.has("top_p")) parts.add("top_p=" + d.get("top_p").asDouble());
        if (d.has("max_tokens")) parts.add("max_tokens=" + d.get("max_tokens").asInt());
        if (d.has("seed")) parts.add("seed=" + d.get("seed").asLong());
        return parts.isEmpty() ? "default" : String.join(",", parts);
    }

    private static Verdict verdict(JsonNode row, String field) {
        if (row == null || row.path(field).isNull() || row.path(field).isMissingNode()) return null;
        return switch (row.get(field).asText()) {
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
