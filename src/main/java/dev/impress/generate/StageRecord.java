package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;

/**
 * What one stage produced for one candidate, as kept in the work directory: the model and
 * temperature used, the template's hash, the key of the inputs (a changed model, temperature,
 * template or candidate makes the stage run again), the JSON answer and its hash, and how many
 * model calls it took (1 plus repairs) at what cost.
 */
public record StageRecord(Stage stage, String model, Double temperature, String templateSha256, String inputsKey,
                          JsonNode output, int calls, double costUsd) {
    public String outputSha256() {
        return Json.sha256(Json.canonical(output));
    }

    public StageRecord repaired(JsonNode newOutput, int moreCalls, double moreCost) {
        return new StageRecord(stage, model, temperature, templateSha256, inputsKey, newOutput, calls + moreCalls, costUsd + moreCost);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("stage", stage.key()).put("model", model);
        if (temperature == null) o.putNull("temperature");
        else o.put("temperature", temperature);
        o.put("template_sha256", templateSha256).put("inputs_key", inputsKey).put("calls", calls).put("cost_usd", costUsd);
        o.set("output", output);
        return o;
    }

    public static StageRecord fromJson(JsonNode o) {
        JsonNode t = o.get("temperature");
        return new StageRecord(Stage.parse(o.get("stage").asText()), o.get("model").asText(), t == null || t.isNull() ? null : t.asDouble(),
                o.get("template_sha256").asText(), o.get("inputs_key").asText(), o.get("output"), o.path("calls").asInt(1), o.path("cost_usd").asDouble());
    }

    /** The provenance entry: who wrote this part of the scenario, with which prompt, and a hash of what it wrote. */
    public ObjectNode provenance() {
        ObjectNode o = Json.object();
        o.put("model", model);
        if (temperature == null) o.put("temperature", "default");
        else o.put("temperature", temperature);
        o.put("prompt_sha256", templateSha256).put("output_sha256", outputSha256()).put("calls", calls);
        return o;
    }
}
