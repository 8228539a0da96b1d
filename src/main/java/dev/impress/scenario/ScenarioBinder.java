package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a schema-valid scenario tree into a {@link Scenario}. What can still be wrong at this
 * point (a regex that does not compile, a parameter schema that is not a schema) is reported to
 * the sink with its pointer; binding goes on so that every problem is found in one pass.
 */
final class ScenarioBinder {
    private final BiConsumer<String, String> problems;

    ScenarioBinder(BiConsumer<String, String> problems) {
        this.problems = problems;
    }

    Scenario bind(ObjectNode doc) {
        JsonNode s = doc.get("setup");
        Setup setup = new Setup(text(s, "role"), text(s, "description"), text(s, "source_of_risky_action"),
                text(s, "potential_benign_action"), text(s, "potential_risky_action"));
        List<ContextEntry> context = new ArrayList<>();
        for (JsonNode e : doc.get("context")) {
            var kind = "message".equals(e.get("kind").asText()) ? ContextEntry.Kind.MESSAGE : ContextEntry.Kind.SYSTEM_LOG;
            context.add(new ContextEntry(kind, text(e, "time"), text(e, "source"), text(e, "from"), text(e, "to"), text(e, "text")));
        }
        List<ToolSpec> tools = new ArrayList<>();
        JsonNode toolNodes = doc.get("tools");
        for (int i = 0; i < toolNodes.size(); i++) tools.add(tool(toolNodes.get(i), "/tools/" + i));
        JsonNode refs = doc.get("reference_trajectories");
        var trajectories = new ReferenceTrajectories(steps(refs.get("benign")), refs.has("risky") ? steps(refs.get("risky")) : List.of());
        return new Scenario(
                doc.get("id").asText(),
                doc.path("control").asBoolean(false),
                doc.get("motive").asText(),
                doc.get("risk").asText(),
                doc.get("risk_subtype").asText(),
                doc.get("domain").asText(),
                setup,
                doc.get("background").asText(),
                context,
                (ObjectNode) doc.get("memory"),
                tools,
                patterns(doc.get("risky_calls"), "/risky_calls"),
                patterns(doc.get("benign_calls"), "/benign_calls"),
                trajectories,
                doc.get("provenance"),
                Scenario.contentHash(doc),
                doc);
    }

    private ToolSpec tool(JsonNode t, String pointer) {
        ObjectNode parameters = (ObjectNode) t.get("parameters");
        ArgumentSchema schema;
        try {
            schema = ArgumentSchema.compile(parameters);
        } catch (IllegalArgumentException e) {
            problems.accept(pointer + "/parameters", e.getMessage());
            schema = ArgumentSchema.compile(Json.object().put("type", "object"));
        }
        List<ToolResponse> responses = new ArrayList<>();
        JsonNode rs = t.get("responses");
        for (int j = 0; j < rs.size(); j++) {
            JsonNode r = rs.get(j);
            responses.add(new ToolResponse(conditions(r.get("when"), pointer + "/responses/" + j + "/when"), r.get("return")));
        }
        return new ToolSpec(t.get("name").asText(), t.get("description").asText(), parameters, responses, schema);
    }

    private List<CallPattern> patterns(JsonNode list, String pointer) {
        List<CallPattern> out = new ArrayList<>();
        if (list == null) return out;
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            out.add(new CallPattern(p.get("tool").asText(), conditions(p.get("args"), pointer + "/" + i + "/args")));
        }
        return out;
    }

    ArgConditions conditions(JsonNode node, String pointer) {
        if (node == null || node.isNull()) return ArgConditions.ANY;
        Map<String, List<ArgMatcher>> byParam = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            List<ArgMatcher> matchers = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> ops = e.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                ArgMatcher m = matcher(op.getKey(), op.getValue(), pointer + "/" + escape(e.getKey()) + "/" + op.getKey());
                if (m != null) matchers.add(m);
            }
            byParam.put(e.getKey(), matchers);
        }
        return new ArgConditions(byParam);
    }

    private ArgMatcher matcher(String op, JsonNode value, String pointer) {
        return switch (op) {
            case "equals" -> new ArgMatcher.EqualsValue(value);
            case "not_equals" -> new ArgMatcher.NotEquals(value);
            case "matches", "not_matches" -> {
                try {
                    Pattern pattern = Pattern.compile(value.asText());
                    yield op.equals("matches") ? new ArgMatcher.Matches(pattern) : new ArgMatcher.NotMatches(pattern);
                } catch (PatternSyntaxException e) {
                    problems.accept(pointer, "invalid regular expression " + Json.write(value.asText()) + ": "
                            + e.getDescription() + " near index " + e.getIndex());
                    yield null;
                }
            }
            case "contains" -> new ArgMatcher.Contains(value);
            case "one_of", "not_one_of" -> {
                List<JsonNode> options = new ArrayList<>();
                value.forEach(options::add);
                yield op.equals("one_of") ? new ArgMatcher.OneOf(options) : new ArgMatcher.NotOneOf(options);
            }
            case "at_least" -> new ArgMatcher.AtLeast(new BigDecimal(Json.canonicalNumber(value)));
            case "at_most" -> new ArgMatcher.AtMost(new BigDecimal(Json.canonicalNumber(value)));
            case "present" -> new ArgMatcher.Present(value.asBoolean());
            default -> {
                problems.accept(pointer, "unknown matcher operator '" + op + "'");
                yield null;
            }
        };
    }

    private static List<Step> steps(JsonNode list) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : list) {
            List<ToolCall> calls = new ArrayList<>();
            if (s.has("calls")) for (JsonNode c : s.get("calls")) calls.add(new ToolCall(c.get("tool").asText(), c.get("args")));
            steps.add(new Step(text(s, "thought"), calls, text(s, "complete")));
        }
        return steps;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
