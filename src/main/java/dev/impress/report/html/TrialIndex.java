package dev.impress.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.analysis.Metric;
import dev.impress.analysis.TrialOutcome;
import dev.impress.json.Json;
import dev.impress.model.ModelCatalog;
import dev.impress.report.RunResults;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every analysed trial in a compact, dictionary-encoded JSON form that the page's small script
 * filters (about 60 bytes a trial). How a trial counts for each metric is computed here with
 * {@link Metric#tally}, one letter per metric (H hit, M miss, U unjudged, E errored, O outside
 * the population), so the script never re-implements a metric definition.
 */
final class TrialIndex {
    /** Anchor ids and index keys use the first 16 hex digits of the trial key. */
    static final int SHORT_KEY = 16;

    private TrialIndex() {}

    static String shortKey(String key) {
        return key.length() <= SHORT_KEY ? key : key.substring(0, SHORT_KEY);
    }

    /**
     * @param trialSets    named lists of trial keys (churn cells, disagreements)
     * @param scenarioSets named lists of scenario ids, expanded to their non-control trials
     * @param embedded     trial keys whose details are in the page
     * @param tags         the tagged models' family and access, for the {@code family}, {@code access} and
     *                     {@code tagged} filters (written only when some model is tagged)
     */
    static String json(RunResults results, Map<String, List<String>> trialSets, Map<String, List<String>> scenarioSets,
                       Set<String> embedded, Map<String, ModelCatalog.Tag> tags) {
        ObjectNode root = Json.object();
        ArrayNode metrics = root.putArray("metrics");
        for (Metric m : Metric.values()) metrics.add(m.label());
        ArrayNode factors = root.putArray("factors");
        RunResults.FACTORS.forEach(factors::add);
        Map<String, Integer> models = new LinkedHashMap<>();
        Map<String, Integer> scenarios = new LinkedHashMap<>();
        Map<List<String>, Integer> conditions = new LinkedHashMap<>();
        ArrayNode scenarioRows = root.putArray("scenarios");
        ArrayNode conditionRows = root.putArray("conditions");
        ArrayNode trials = root.putArray("trials");
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Integer>> byScenario = new HashMap<>();
        StringBuilder tallies = new StringBuilder(Metric.values().length);
        List<TrialOutcome> outcomes = results.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            TrialOutcome t = outcomes.get(i);
            int s = scenarios.computeIfAbsent(t.scenarioHash(), _ -> {
                scenarioRows.addArray().add(t.scenarioId()).add(t.motive()).add(t.risk()).add(t.control() ? 1 : 0);
                return scenarios.size();
            });
            int m = models.computeIfAbsent(t.model(), _ -> models.size());
            List<String> condition = RunResults.FACTORS.stream().map(t::factor).toList();
            int c = conditions.computeIfAbsent(condition, _ -> {
                ArrayNode row = conditionRows.addArray();
                condition.forEach(row::add);
                return conditions.size();
            });
            tallies.setLength(0);
            for (Metric metric : Metric.values()) tallies.append(metric.tally(t).name().charAt(0));
            trials.addArray().add(shortKey(t.trialKey())).add(s).add(m).add(c).add(t.epoch()).add(tallies.toString())
                    .add(embedded.contains(t.trialKey()) ? 1 : 0);
            index.put(t.trialKey(), i);
            if (!t.control()) byScenario.computeIfAbsent(t.scenarioId(), _ -> new ArrayList<>()).add(i);
        }
        ArrayNode modelNames = root.putArray("models");
        models.keySet().forEach(modelNames::add);
        if (!tags.isEmpty()) {
            // per model, in the order of "models": [family, access], or null when untagged
            ArrayNode modelTags = root.putArray("tags");
            for (String model : models.keySet()) {
                ModelCatalog.Tag tag = tags.get(model);
                if (tag == null) modelTags.addNull();
                else modelTags.addArray().add(tag.family()).add(tag.access());
            }
        }
        ObjectNode sets = root.putObject("sets");
        trialSets.forEach((name, keys) -> {
            ArrayNode a = sets.putArray(name);
            for (String k : keys) {
                Integer i = index.get(k);
                if (i != null) a.add(i);
            }
        });
        scenarioSets.forEach((name, ids) -> {
            ArrayNode a = sets.putArray(name);
            for (String id : ids) byScenario.getOrDefault(id, List.of()).forEach(a::add);
        });
        return HtmlOut.scriptJson(Json.write(root));
    }

    /** All keys of the named trial sets, for choosing which trials to embed. */
    static Set<String> members(Collection<List<String>> sets) {
        Set<String> out = new HashSet<>();
        sets.forEach(out::addAll);
        return out;
    }
}
