package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.impress.json.Json;
import dev.impress.taxonomy.RiskCategory;
import dev.impress.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates scenario documents: first the shipped JSON Schema (the single source of truth for
 * the format), then what a schema cannot check: names that must refer to declared tools and
 * parameters, regexes, parameter schemas, reference trajectories against those schemas, the
 * replay of both reference trajectories through the risky-call detector, time order, and unique
 * ids across everything validated together. Every problem of every document is collected.
 */
public final class ScenarioValidator {
    public static final String SCHEMA_RESOURCE = "/impress/schema/scenario.schema.json";

    private final Schema schema;
    private final Taxonomy taxonomy;

    public ScenarioValidator(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        try (InputStream in = ScenarioValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            JsonNode schemaTree = Json.MAPPER.readTree(in);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ScenarioValidator() {
        this(Taxonomy.builtIn());
    }

    /** The result of validating a batch: the valid scenarios and all problems found. */
    public record Report(List<Scenario> scenarios, List<Problem> problems, int documents) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads and validates every scenario file under the paths. */
    public Report validatePaths(List<java.nio.file.Path> paths) {
        ScenarioFiles.Parsed parsed = ScenarioFiles.read(paths);
        Report report = validate(parsed.documents());
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(report.problems());
        return new Report(report.scenarios(), problems, parsed.documents().size() + parsed.problems().size());
    }

    /** Validates documents together (ids must be unique among them). */
    public Report validate(List<ScenarioDocument> documents) {
        List<Problem> problems = new ArrayList<>();
        List<Scenario> valid = new ArrayList<>();
        Map<String, ScenarioDocument> firstById = new HashMap<>();
        for (ScenarioDocument doc : documents) {
            List<Problem> own = new ArrayList<>();
            Scenario scenario = validateOne(doc, own);
            JsonNode id = doc.tree().get("id");
            if (id != null && id.isTextual()) {
                ScenarioDocument first = firstById.putIfAbsent(id.asText(), doc);
                if (first != null) {
                    own.add(doc.problem("/id", "duplicate id '" + id.asText() + "': already used by "
                            + first.file() + (first.record() > 0 ? " line " + first.record() : "")));
                }
            }
            problems.addAll(own);
            if (own.isEmpty() && scenario != null) valid.add(scenario);
        }
        return new Report(valid, problems, documents.size());
    }

    /** Validates one document; returns the scenario when it could be bound (problems may still exist). */
    Scenario validateOne(ScenarioDocument doc, List<Problem> problems) {
        List<Error> errors = schema.validate(doc.tree());
        if (!errors.isEmpty()) {
            for (Error e : dedupe(errors)) problems.add(doc.problem(pointerOf(e), schemaMessage(e)));
            return null;
        }
        Scenario scenario = new ScenarioBinder((pointer, message) -> problems.add(doc.problem(pointer, message)))
                .bind((ObjectNode) doc.tree());
        checkSemantics(doc, scenario, problems);
        return scenario;
    }

    private void checkSemantics(ScenarioDocument doc, Scenario s, List<Problem> problems) {
        RiskCategory risk = taxonomy.requireRisk(s.risk());
        if (risk.subtype(s.riskSubtype()).isEmpty()) {
            problems.add(doc.problem("/risk_subtype", "risk_subtype '" + s.riskSubtype() + "' is not a subtype of "
                    + risk.id() + " (" + risk.name() + "): expected one of "
                    + risk.subtypes().stream().map(t -> t.name()).collect(Collectors.joining(", "))));
        }
        checkContextOrder(doc, s, problems);
        Map<String, ToolSpec> tools = checkTools(doc, s, problems);
        checkPatterns(doc, s.riskyCalls(), "/risky_calls", tools, problems);
        checkPatterns(doc, s.benignCalls(), "/benign_calls", tools, problems);
        if (s.control() && !s.riskyCalls().isEmpty()) {
            problems.add(doc.problem("/risky_calls", "a control scenario has no risky action: expected an empty list, found "
                    + s.riskyCalls().size() + " pattern(s)"));
        }
        if (!s.control() && s.riskyCalls().isEmpty()) {
            problems.add(doc.problem("/risky_calls", "expected at least one pattern that detects the risky action (only controls may have none)"));
        }
        boolean hasRisky = doc.tree().path("reference_trajectories").has("risky");
        if (s.control() && hasRisky) {
            problems.add(doc.problem("/reference_trajectories/risky", "a control scenario has no risky trajectory: remove it"));
        }
        if (!s.control() && !hasRisky) {
            problems.add(doc.problem("/reference_trajectories", "missing the risky trajectory: expected 'risky' next to 'benign'"));
        }
        boolean benignOk = checkTrajectory(doc, s.referenceTrajectories().benign(), "/reference_trajectories/benign", tools, problems);
        boolean riskyOk = checkTrajectory(doc, s.referenceTrajectories().risky(), "/reference_trajectories/risky", tools, problems);
        if (benignOk) replayBenign(doc, s, problems);
        if (riskyOk && hasRisky && !s.riskyCalls().isEmpty()) replayRisky(doc, s, problems);
    }

    private static void checkContextOrder(ScenarioDocument doc, Scenario s, List<Problem> problems) {
        OffsetDateTime previous = null;
        for (int i = 0; i < s.context().size(); i++) {
            String time = s.context().get(i).time();
            OffsetDateTime t;
            try {
                t = OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                problems.add(doc.problem("/context/" + i + "/time", "not a valid timestamp: '" + time + "'"));
                continue;
            }
            if (previous != null && t.isBefore(previous)) {
                problems.add(doc.problem("/context/" + i + "/time", "context entries must be in time order: "
                        + time + " comes before the previous entry"));
            }
            previous = t;
        }
    }

    private Map<String, ToolSpec> checkTools(ScenarioDocument doc, Scenario s, List<Problem> problems) {
        Map<String, ToolSpec> byName = new LinkedHashMap<>();
        for (int i = 0; i < s.tools().size(); i++) {
            ToolSpec tool = s.tools().get(i);
            String at = "/tools/" + i;
            if (byName.putIfAbsent(tool.name(), tool) != null) {
                problems.add(doc.problem(at + "/name", "duplicate tool name '" + tool.name() + "'"));
            }
            Set<String> params = tool.parameterNames();
            checkEnums(doc, tool, at, problems);
            List<String> required = tool.requiredParameters();
            for (int r = 0; r < required.size(); r++) {
                if (!params.contains(required.get(r))) {
                    problems.add(doc.problem(at + "/parameters/required/" + r, "required parameter '" + required.get(r)
                            + "' is not declared in properties (declared: " + describe(params) + ")"));
                }
            }
            for (int j = 0; j < tool.responses().size(); j++) {
                ToolResponse response = tool.responses().get(j);
                String rat = at + "/responses/" + j;
                for (String p : response.when().byParameter().keySet()) {
                    if (!params.contains(p)) {
                        problems.add(doc.problem(rat + "/when/" + ScenarioBinder.escape(p), "condition on undeclared parameter '" + p
                                + "' of tool " + tool.name() + " (declared: " + describe(params) + ")"));
                    }
                }
                boolean isLast = j == tool.responses().size() - 1;
                if (response.when().isEmpty() && !isLast) {
                    problems.add(doc.problem(at + "/responses/" + (j + 1), "unreachable response: response " + j
                            + " has no 'when' and already answers every call"));
                }
                if (isLast && !response.when().isEmpty()) {
                    problems.add(doc.problem(rat, "the last response must be the default (no 'when'), so that every valid call gets an answer"));
                }
            }
        }
        return byName;
    }

    /** YAML reads unquoted off/on/yes/no as booleans: a string enum holding one is a silent typo. */
    private static void checkEnums(ScenarioDocument doc, ToolSpec tool, String at, List<Problem> problems) {
        JsonNode props = tool.parameters().path("properties");
        for (var it = props.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode values = e.getValue().path("enum");
            if (!"string".equals(e.getValue().path("type").asText()) || !values.isArray()) continue;
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isTextual()) {
                    problems.add(doc.problem(at + "/parameters/properties/" + ScenarioBinder.escape(e.getKey()) + "/enum/" + i,
                            "expected a string in the enum of a string parameter, found " + values.get(i)
                                    + " (YAML reads unquoted off, on, yes and no as booleans: quote the value)"));
                }
            }
        }
    }

    private static void checkPatterns(ScenarioDocument doc, List<CallPattern> patterns, String at,
                                      Map<String, ToolSpec> tools, List<Problem> problems) {
        for (int i = 0; i < patterns.size(); i++) {
            CallPattern p = patterns.get(i);
            ToolSpec tool = tools.get(p.tool());
            if (tool == null) {
                problems.add(doc.problem(at + "/" + i + "/tool", "unknown tool '" + p.tool() + "': expected one of " + describe(tools.keySet())));
                continue;
            }
            Set<String> params = tool.parameterNames();
            for (String name : p.args().byParameter().keySet()) {
                if (!params.contains(name)) {
                    problems.add(doc.problem(at + "/" + i + "/args/" + ScenarioBinder.escape(name), "tool " + tool.name()
                            + " has no parameter '" + name + "' (declared: " + describe(params) + ")"));
                }
            }
        }
    }

    private static boolean checkTrajectory(ScenarioDocument doc, List<Step> steps, String at,
                                           Map<String, ToolSpec> tools, List<Problem> problems) {
        int before = problems.size();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.complete() != null && i != steps.size() - 1) {
                problems.add(doc.problem(at + "/" + i + "/complete", "'complete' ends the trajectory: it must be in the last step"));
            }
            for (int c = 0; c < step.calls().size(); c++) {
                ToolCall call = step.calls().get(c);
                String cat = at + "/" + i + "/calls/" + c;
                ToolSpec tool = tools.get(call.tool());
                if (tool == null) {
                    problems.add(doc.problem(cat + "/tool", "unknown tool '" + call.tool() + "': expected one of " + describe(tools.keySet())));
                    continue;
                }
                for (String issue : tool.checkArguments(call.args())) {
                    problems.add(doc.problem(cat + "/args", "arguments do not fit the parameters of " + tool.name() + ": " + issue));
                }
            }
        }
        return problems.size() == before;
    }

    private static void replayBenign(ScenarioDocument doc, Scenario s, List<Problem> problems) {
        List<Step> steps = s.referenceTrajectories().benign();
        for (int i = 0; i < steps.size(); i++) {
            for (int c = 0; c < steps.get(i).calls().size(); c++) {
                ToolCall call = steps.get(i).calls().get(c);
                List<CallPattern> hits = s.riskyMatches(call);
                if (!hits.isEmpty()) {
                    problems.add(doc.problem("/reference_trajectories/benign/" + i + "/calls/" + c,
                            "the benign trajectory triggers the risky-call detector: " + call + " matches risky_calls pattern "
                                    + hits.getFirst().describe() + "; tighten the pattern or fix the trajectory"));
                }
            }
        }
    }

    private static void replayRisky(ScenarioDocument doc, Scenario s, List<Problem> problems) {
        boolean triggered = ReferenceTrajectories.calls(s.referenceTrajectories().risky()).anyMatch(c -> !s.riskyMatches(c).isEmpty());
        if (!triggered) {
            problems.add(doc.problem("/reference_trajectories/risky", "replaying the risky trajectory triggers no risky_calls pattern: "
                    + "expected at least one call to match one of " + s.riskyCalls().stream().map(CallPattern::describe).toList()));
        }
    }

    private static String describe(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    // --- schema error rendering ------------------------------------------------------------

    /** Drops the noise networknt emits for one mistake (e.g. every branch of an if/then). */
    private static List<Error> dedupe(List<Error> errors) {
        Set<String> seen = new HashSet<>();
        List<Error> out = new ArrayList<>();
        for (Error e : errors) if (seen.add(pointerOf(e) + "|" + schemaMessage(e))) out.add(e);
        return out;
    }

    /** networknt reports the failed branches of an anyOf, not the anyOf itself: treat them as one. */
    private static boolean insideAnyOf(Error e) {
        return e.getEvaluationPath() != null && e.getEvaluationPath().toString().contains("anyOf");
    }

    private static String pointerOf(Error e) {
        String pointer = SchemaPointers.pointer(e.getInstanceLocation());
        if (insideAnyOf(e)) return pointer;
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) return pointer + "/" + e.getProperty();
        if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) return pointer + "/" + e.getProperty();
        return pointer;
    }

    static String schemaMessage(Error e) {
        String keyword = insideAnyOf(e) ? "anyOf" : e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode found = e.getInstanceNode();
        JsonNode schemaNode = e.getSchemaNode();
        return switch (keyword) {
            case "required" -> "missing required field '" + e.getProperty() + "'";
            case "additionalProperties" -> "unknown field '" + e.getProperty() + "'";
            case "type" -> "expected " + article(schemaNode) + ", found " + ScenarioFiles.kind(found) + foundValue(found);
            case "enum" -> "expected one of " + schemaNode + ", found " + Json.write(found);
            case "const" -> "expected " + schemaNode + ", found " + Json.write(found);
            case "pattern" -> "expected text matching " + schemaNode + ", found " + Json.write(found);
            case "minItems" -> "expected at least " + schemaNode + " item(s), found " + (found == null ? 0 : found.size());
            case "maxItems" -> "expected at most " + schemaNode + " item(s), found " + (found == null ? 0 : found.size());
            case "minLength" -> "expected non-empty text, found " + Json.write(found);
            case "maxLength" -> "expected at most " + schemaNode + " characters, found " + (found == null ? 0 : found.asText().length());
            case "minProperties" -> "expected at least one operator (equals, not_equals, matches, not_matches, contains, one_of, not_one_of, at_least, at_most, present), found none";
            case "anyOf" -> "a trajectory step needs 'calls' or 'complete'";
            default -> stripLocation(e.getMessage());
        };
    }

    private static String article(JsonNode typeNode) {
        if (typeNode == null) return "another type";
        if (typeNode.isArray()) {
            List<String> names = new ArrayList<>();
            typeNode.forEach(t -> names.add(t.asText()));
            return "one of " + names;
        }
        String t = typeNode.asText();
        return switch (t) {
            case "object" -> "a mapping (object)";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> t;
        };
    }

    private static String foundValue(JsonNode found) {
        if (found == null || found.isContainerNode()) return "";
        String text = Json.write(found);
        return " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && (message.startsWith("/") || message.startsWith("$")) ? message.substring(colon + 2) : message;
    }
}
