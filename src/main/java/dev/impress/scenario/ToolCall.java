package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;

/** A call of a scenario tool with its arguments (a JSON object). */
public record ToolCall(String tool, JsonNode args) {
    public ToolCall {
        if (args == null || args.isNull() || args.isMissingNode()) args = Json.object();
    }

    public static ToolCall of(String tool, ObjectNode args) {
        return new ToolCall(tool, args);
    }

    @Override
    public String toString() {
        return tool + Json.write(args);
    }
}
