package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A declarative tool: name, description, JSON Schema of its arguments and ordered responses.
 * The same arguments always give the same result, so every model sees the same world.
 */
public record ToolSpec(String name, String description, ObjectNode parameters, List<ToolResponse> responses,
                       ArgumentSchema argumentSchema) {
    public ToolSpec {
        responses = List.copyOf(responses);
    }

    /** Names of the declared parameters. */
    public Set<String> parameterNames() {
        Set<String> names = new TreeSet<>();
        JsonNode props = parameters.get("properties");
        if (props != null) props.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public List<String> requiredParameters() {
        List<String> required = new ArrayList<>();
        JsonNode r = parameters.get("required");
        if (r != null) r.forEach(n -> required.add(n.asText()));
        return required;
    }

    /** Problems with these arguments against the parameter schema; empty when valid. */
    public List<String> checkArguments(JsonNode args) {
        return argumentSchema.check(args);
    }

    /** The result of the first response whose conditions hold. Arguments are assumed valid. */
    public JsonNode respond(JsonNode args) {
        for (ToolResponse r : responses) if (r.when().test(args)) return r.result();
        throw new IllegalStateException("tool " + name + " has no default response");
    }
}
