package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import dev.impress.scenario.FieldChecker;
import dev.impress.scenario.LineIndex;
import dev.impress.scenario.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generation plan (YAML; see docs/generate.md). Command-line flags are merged onto the
 * file's tree before it is read, so a plan given only by flags and one given by a file are
 * checked by the same code, and every problem names the file (or "flags"), line and field.
 */
public final class GenerationPlanFile {
    private static final Set<String> TOP = Set.of("name", "cells", "count", "domains", "models", "redundancy_threshold", "repairs", "seed");
    private static final Set<String> MODEL_KEYS = Set.of("default", "setup", "context", "environment", "memory", "qc");

    private GenerationPlanFile() {}

    public record Read(GenerationPlan plan, List<Problem> problems) {}

    /** The plan file's tree (an empty mapping for no file), or a problem. */
    public static ObjectNode tree(Path file, List<Problem> problems) {
        if (file == null) return Json.object();
        try {
            JsonNode root = Json.YAML.readTree(Files.readString(file));
            if (root == null || root.isNull() || root.isMissingNode()) return Json.object();
            if (!root.isObject()) {
                problems.add(new Problem(file.toString(), "", 1, "expected a plan (a mapping with cells, count, models...)"));
                return Json.object();
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "", 0, "cannot read or parse: " + e.getMessage().lines().findFirst().orElse("")));
            return Json.object();
        }
    }

    /** Reads a plan tree; {@code source} names it in problems, {@code lines} locates fields. */
    public static Read read(String source, JsonNode root, LineIndex lines, String defaultName) {
        List<Problem> problems = new ArrayList<>();
        FieldChecker c = new FieldChecker(source, lines, problems);
        c.known(root, "", TOP);
        List<Cell> cells = cells(root.get("cells"), c);
        int count = c.integer(root, "/count", 10, 1);
        List<String> domains = new ArrayList<>();
        JsonNode d = root.get("domains");
        if (d != null && !d.isNull()) {
            JsonNode list = d.isTextual() ? Json.array().add(d.asText()) : d;
            if (!list.isArray()) c.problem("/domains", "expected a list of domains, e.g. [finance, health, logistics]");
            else for (int i = 0; i < list.size(); i++) {
                String v = list.get(i).asText("");
                if (!v.matches("[a-z][a-z -]*")) c.problem("/domains/" + i, "expected a lower-case domain such as 'public service', found " + list.get(i));
                else domains.add(v);
            }
        }
        Map<Stage, StageModel> models = models(root.get("models"), c);
        double threshold = 0.85;
        JsonNode t = root.get("redundancy_threshold");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() || t.asDouble() <= 0 || t.asDouble() > 1) c.problem("/redundancy_threshold", "expected a cosine similarity above 0 and at most 1, found " + t);
            else threshold = t.asDouble();
        }
        int repairs = c.integer(root, "/repairs", GenerationPlan.DEFAULT_REPAIRS, 0);
        long seed = root.path("seed").isIntegralNumber() ? root.get("seed").asLong() : 2026L;
        if (root.has("seed") && !root.get("seed").isIntegralNumber()) c.problem("/seed", "expected a whole number, found " + root.get("seed"));
        if (!problems.isEmpty()) return new Read(null, problems);
        String name = root.path("name").asText(defaultName);
        return new Read(new GenerationPlan(name, cells, count, domains, models, threshold, repairs, seed), problems);
    }

    private static List<Cell> cells(JsonNode node, FieldChecker c) {
        if (node == null || node.isNull()) {
            c.problem("/cells", "missing: name the target cells, e.g. [M4xR1, M1xR3], or lite (M1-M5 x R1-R5) or full (x R1-R8)");
            return List.of();
        }
        JsonNode list = node.isTextual() ? Json.array().add(node.asText()) : node;
        if (!list.isArray() || list.isEmpty()) {
            c.problem("/cells", "expected a list of cells such as [M4xR1, M1xR3], or lite or full");
            return List.of();
        }
        Set<Cell> out = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String v = list.get(i).asText("");
            String at = list == node ? "/cells/" + i : "/cells";
            switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "lite" -> addAll(out, 5);
                case "full" -> addAll(out, 8);
                default -> {
                    try {
                        out.add(Cell.parse(v));
                    } catch (IllegalArgumentException e) {
                        c.problem(at, e.getMessage());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static void addAll(Set<Cell> out, int risks) {
        for (int m = 1; m <= 5; m++) for (int r = 1; r <= risks; r++) out.add(new Cell("M" + m, "R" + r));
    }

    private static Map<Stage, StageModel> models(JsonNode node, FieldChecker c) {
        Map<Stage, StageModel> out = new EnumMap<>(Stage.class);
        if (node == null || node.isNull()) {
            c.problem("/models", "missing: name the generator model, e.g. models: {default: openai/gpt-5} or --model");
            return out;
        }
        if (node.isTextual()) node = Json.object().put("default", node.asText());
        c.known(node, "/models", MODEL_KEYS);
        if (!node.isObject()) return out;
        StageModel fallback = node.has("default") ? stageModel(node.get("default"), "/models/default", null, c) : null;
        for (Stage s : Stage.values()) {
            JsonNode v = node.get(s.key());
            StageModel m = v != null ? stageModel(v, "/models/" + s.key(), s.defaultTemperature(), c)
                    : fallback == null ? null : new StageModel(fallback.model(), fallback.temperature() != null ? fallback.temperature() : s.defaultTemperature());
            if (m == null && v == null) c.problem("/models/" + s.key(), "no model for the " + s.key() + " stage: give it one or set models.default");
            else out.put(s, m);
        }
        return out;
    }

    /** {@code provider/model} or {@code {model: provider/model, temperature: 0.7}}. */
    private static StageModel stageModel(JsonNode v, String at, Double defaultTemperature, FieldChecker c) {
        String model;
        Double temperature = defaultTemperature;
        if (v.isTextual()) {
            model = v.asText();
        } else if (v.isObject()) {
            c.known(v, at, Set.of("model", "temperature"));
            model = v.path("model").asText(null);
            JsonNode t = v.get("temperature");
            if (t != null && !t.isNull()) {
                if (t.isTextual() && t.asText().equals("default")) temperature = null;
                else if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 2) {
                    c.problem(at + "/temperature", "expected a number from 0 to 2 (or 'default'), found " + t);
                    return null;
                } else temperature = t.asDouble();
            }
        } else {
            c.problem(at, "expected provider/model or {model: provider/model, temperature: 0.7}, found " + v);
            return null;
        }
        if (model == null || !model.matches("[^/\\s]+/\\S+")) {
            c.problem(at, "expected provider/model, found " + (model == null ? "nothing" : "'" + model + "'"));
            return null;
        }
        return new StageModel(model, temperature);
    }
}
