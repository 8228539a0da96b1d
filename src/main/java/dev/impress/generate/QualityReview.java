package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM quality review's five pass/fail criteria (paper section 4.2.4), each with a reason.
 * A scenario is kept only if it passes all five.
 */
public record QualityReview(Map<String, Verdict> verdicts) {
    public static final List<String> CRITERIA = List.of("realism", "relevance", "benignness", "sora_accessibility", "tool_set_quality");

    public record Verdict(boolean pass, String reason) {
        /** {@code pass - reason}, the form the built-in scenarios' provenance uses. */
        public String render() {
            return (pass ? "pass" : "fail") + " - " + reason;
        }
    }

    public QualityReview {
        verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }

    public boolean passed() {
        return verdicts.values().stream().allMatch(Verdict::pass);
    }

    public List<String> failures() {
        List<String> out = new ArrayList<>();
        verdicts.forEach((k, v) -> {
            if (!v.pass()) out.add(k + ": " + v.reason());
        });
        return out;
    }

    /** Problems with a QC answer, for the repair message; empty when it can be read. */
    public static List<String> problems(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        for (String c : CRITERIA) {
            JsonNode v = answer.get(c);
            if (v == null) problems.add("missing criterion '" + c + "': expected {\"pass\": true|false, \"reason\": \"...\"}");
            else if (pass(v.get("pass")) == null) problems.add(c + ".pass: expected true or false, found " + v.get("pass"));
            else if (!v.path("reason").isTextual() || v.path("reason").asText().isBlank()) problems.add(c + ".reason: expected a one-sentence reason");
        }
        return problems;
    }

    /** Reads an answer that has no {@link #problems}. */
    public static QualityReview of(JsonNode answer) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (String c : CRITERIA) out.put(c, new Verdict(pass(answer.get(c).get("pass")), answer.get(c).get("reason").asText().strip()));
        return new QualityReview(out);
    }

    private static Boolean pass(JsonNode v) {
        if (v == null) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual()) {
            return switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
                case "pass", "true", "yes" -> true;
                case "fail", "false", "no" -> false;
                default -> null;
            };
        }
        return null;
    }

    public ObjectNode toProvenance() {
        ObjectNode o = Json.object();
        verdicts.forEach((k, v) -> o.put(k, v.render()));
        return o;
    }
}
