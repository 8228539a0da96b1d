package dev.impress.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ToolCall;
import dev.impress.scenario.ToolSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Executes a scenario's declarative tools as a real tool server would: unknown tools and
 * arguments that do not fit the parameter schema are rejected with an error the agent can read;
 * valid calls get the first matching response. Stateless and deterministic: every model sees the
 * same world for the same call.
 */
public final class ToolRuntime {
    private final Scenario scenario;

    public ToolRuntime(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The outcome of one call: a result, or an error message (never both). */
    public record Outcome(JsonNode result, String error) {
        public boolean ok() {
            return error == null;
        }

        /** What the agent reads back. */
        public String render() {
            return ok() ? Json.write(result) : Json.write(Json.object().put("error", error));
        }
    }

    public Outcome call(ToolCall call) {
        ToolSpec tool = scenario.tool(call.tool()).orElse(null);
        if (tool == null) {
            return new Outcome(null, "unknown tool '" + call.tool() + "'; available tools: "
                    + scenario.tools().stream().map(ToolSpec::name).collect(Collectors.joining(", ")));
        }
        if (call.args() == null || !call.args().isObject()) {
            return new Outcome(null, "parameters of " + tool.name() + " must be a JSON object");
        }
        List<String> problems = tool.checkArguments(call.args());
        if (!problems.isEmpty()) {
            return new Outcome(null, "invalid parameters for " + tool.name() + ": " + String.join("; ", problems)
                    + " (expected: " + Json.write(tool.parameters()) + ")");
        }
        return new Outcome(tool.respond(call.args()), null);
    }
}
