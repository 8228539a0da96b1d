package dev.impress.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.agent.Conditions;
import dev.impress.agent.ExecutionLimits;
import dev.impress.json.Json;
import dev.impress.judge.Reconciler;
import dev.impress.model.Decoding;
import dev.impress.scenario.FieldChecker;
import dev.impress.scenario.LineIndex;
import dev.impress.scenario.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an experiment plan (YAML). Every problem is reported with file, line and field before
 * anything runs; scenario paths are relative to the plan file. See docs/running.md.
 */
public final class PlanFile {
    private static final Set<String> TOP = Set.of("name", "scenarios", "filter", "models", "judge", "resolution_judge", "reconcile",
            "judge_tries", "judge_sees_reasoning", "epochs", "factors", "limits");
    private static final Set<String> FACTORS = Set.of("protocol", "framing", "persona", "mitigation", "decoding");
    private static final Set<String> FILTER = Set.of("motive", "risk", "domain", "id", "controls");
    private static final Set<String> LIMITS = Set.of("max_tool_calls", "max_turns", "attempts", "judged_attempt");
    private static final Set<String> DECODING = Set.of("temperature", "top_p", "max_tokens", "seed");

    public record Read(Plan plan, List<Problem> problems) {}

    public static Read read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return new Read(null, List.of(new Problem(name, "", 0, "cannot read: " + e.getMessage())));
        }
        JsonNode root;
        try {
            root = Json.YAML.readTree(text);
        } catch (IOException e) {
            return new Read(null, List.of(new Problem(name, "", 0, "cannot parse YAML: " + e.getMessage().lines().findFirst().orElse(""))));
        }
        LineIndex lines = LineIndex.of(Json.YAML.getFactory(), text, 0);
        List<Problem> problems = new ArrayList<>();
        Checker c = new Checker(new FieldChecker(name, lines, problems));
        if (root == null || !root.isObject()) {
            problems.add(new Problem(name, "", 1, "expected a plan (a mapping with models, scenarios, factors...)"));
            return new Read(null, problems);
        }
        c.known(root, "", TOP);
        List<String> scenarios = c.strings(root, "/scenarios", List.of("full"));
        Path base = file.toAbsolutePath().getParent();
        scenarios = scenarios.stream().map(s -> Set.of("full", "lite", "controls").contains(s) ? s : base.resolve(s).normalize().toString()).toList();
        JsonNode f = root.path("filter");
        if (!f.isMissingNode()) c.known(f, "/filter", FILTER);
        var filter = new Plan.ScenarioFilter(upper(c.strings(root, "/filter/motive", List.of())), upper(c.strings(root, "/filter/risk", List.of())),
                c.strings(root, "/filter/domain", List.of()), c.strings(root, "/filter/id", List.of()), f.path("controls").asBoolean(true));
        for (String m : filter.motives()) if (!m.matches("M[1-5]")) c.problem("/filter/motive", "unknown motive '" + m + "': expected M1-M5");
        for (String r : filter.risks()) if (!r.matches("R[1-8]")) c.problem("/filter/risk", "unknown risk category '" + r + "': expected R1-R8");
        List<String> models = c.strings(root, "/models", null);
        if (models == null || models.isEmpty()) c.problem("/models", "expected at least one agent model, e.g. [openai/gpt-4.1]");
        else for (int i = 0; i < models.size(); i++) if (!models.get(i).matches("[^/\\s]+/\\S+")) c.problem("/models/" + i, "expected provider/model, found '" + models.get(i) + "'");
        int epochs = c.integer(root, "/epochs", 1, 1);
        JsonNode factors = root.path("factors");
        if (!factors.isMissingNode()) c.known(factors, "/factors", FACTORS);
        List<String> protocols = c.strings(root, "/factors/protocol", List.of("text"));
        List<String> framings = c.strings(root, "/factors/framing", List.of("none"));
        List<String> personas = c.strings(root, "/factors/persona", List.of("none"));
        List<String> mitigations = c.strings(root, "/factors/mitigation", List.of("none"));
        for (int i = 0; i < protocols.size(); i++) {
            String pr = protocols.get(i);
            c.tryParse("/factors/protocol/" + i, () -> Conditions.Protocol.parse(pr));
        }
        for (int i = 0; i < mitigations.size(); i++) {
            String m = mitigations.get(i);
            c.tryParse("/factors/mitigation/" + i, () -> Conditions.Mitigation.parse(m));
        }
        for (int i = 0; i < framings.size(); i++) {
            String fr = framings.get(i);
            c.tryParse("/factors/framing/" + i, () -> new Conditions(Conditions.Protocol.TEXT, fr, "none", Conditions.Mitigation.NONE));
        }
        for (int i = 0; i < personas.size(); i++) {
            String pe = personas.get(i);
            c.tryParse("/factors/persona/" + i, () -> new Conditions(Conditions.Protocol.TEXT, "none", pe, Conditions.Mitigation.NONE));
        }
        List<Decoding> decodings = new ArrayList<>();
        JsonNode d = factors.path("decoding");
        if (d.isMissingNode()) decodings.add(Decoding.temperature(0.7));
        else if (!d.isArray() || d.isEmpty()) c.problem("/factors/decoding", "expected a list of decodings, e.g. [{temperature: 0.7}, {temperature: 0.2}]");
        else for (int i = 0; i < d.size(); i++) decodings.add(c.decoding(d.get(i), "/factors/decoding/" + i));
        JsonNode l = root.path("limits");
        if (!l.isMissingNode()) c.known(l, "/limits", LIMITS);
        ExecutionLimits limits = ExecutionLimits.PAPER;
        String judged = l.path("judged_attempt").asText("first-completed");
        ExecutionLimits.JudgedAttempt policy = null;
        try {
            policy = ExecutionLimits.JudgedAttempt.valueOf(judged.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            c.problem("/limits/judged_attempt", "expected first-completed, last or first, found '" + judged + "'");
        }
        int calls = c.integer(root, "/limits/max_tool_calls", 10, 1);
        int turns = c.integer(root, "/limits/max_turns", 10, 1);
        int attempts = c.integer(root, "/limits/attempts", 3, 1);
        if (policy != null && calls > 0 && turns > 0 && attempts > 0) limits = new ExecutionLimits(calls, turns, attempts, policy);
        String judge = c.optionalString(root, "/judge");
        String resolution = c.optionalString(root, "/resolution_judge");
        Reconciler.Policy reconcile = Reconciler.Policy.EITHER;
        String rec = root.path("reconcile").asText("either");
        try {
            reconcile = Reconciler.Policy.valueOf(rec.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            c.problem("/reconcile", "expected either, rule, llm or both, found '" + rec + "'");
        }
        int tries = c.integer(root, "/judge_tries", 3, 1);
        if (!problems.isEmpty()) return new Read(null, problems);
        JudgingConfig judging = new JudgingConfig(judge, resolution, tries, root.path("judge_sees_reasoning").asBoolean(false), reconcile);
        Plan plan = new Plan(root.path("name").asText(file.getFileName().toString().replaceFirst("\\.ya?ml$", "")), scenarios, filter, models, epochs,
                protocols, framings, personas, mitigations, decodings, limits, judging);
        return new Read(plan, problems);
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    /** The plan-specific checks, on top of the shared field checks. */
    private record Checker(FieldChecker fields) {
        void problem(String pointer, String message) {
            fields.problem(pointer, message);
        }

        void known(JsonNode node, String pointer, Set<String> allowed) {
            fields.known(node, pointer, allowed);
        }

        List<String> strings(JsonNode root, String pointer, List<String> otherwise) {
            return fields.strings(root, pointer, otherwise);
        }

        int integer(JsonNode root, String pointer, int otherwise, int min) {
            return fields.integer(root, pointer, otherwise, min);
        }

        String optionalString(JsonNode root, String pointer) {
            JsonNode n = root.at(pointer);
            if (n.isMissingNode() || n.isNull()) return null;
            if (!n.isTextual() || !n.asText().matches("[^/\\s]+/\\S+")) {
                problem(pointer, "expected provider/model, found " + n);
                return null;
            }
            return n.asText();
        }


        void tryParse(String pointer, Runnable parse) {
            try {
                parse.run();
            } catch (IllegalArgumentException e) {
                problem(pointer, e.getMessage());
            }
        }

        Decoding decoding(JsonNode d, String pointer) {
            if (!d.isObject()) {
                problem(pointer, "expected a mapping such as {temperature: 0.7, top_p: 0.9}");
                return Decoding.DEFAULT;
            }
            known(d, pointer, DECODING);
            Double t = d.has("temperature") ? d.get("temperature").asDouble() : null;
            Double p = d.has("top_p") ? d.get("top_p").asDouble() : null;
            if (t != null && (t < 0 || t > 2 || !d.get("temperature").isNumber())) problem(pointer + "/temperature", "expected a number from 0 to 2, found " + d.get("temperature"));
            if (p != null && (p <= 0 || p > 1 || !d.get("top_p").isNumber())) problem(pointer + "/top_p", "expected a number above 0 and at most 1, found " + d.get("top_p"));
            return new Decoding(t, p, d.has("max_tokens") ? d.get("max_tokens").asInt() : null, d.has("seed") ? d.get("seed").asLong() : null, List.of());
        }
    }

}
