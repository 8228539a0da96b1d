package dev.impress.experiment;

import dev.impress.agent.Conditions;
import dev.impress.agent.ExecutionLimits;
import dev.impress.json.Json;
import dev.impress.model.Decoding;
import dev.impress.scenario.Scenario;

/**
 * One trial to run: a scenario, an agent model, decoding, protocol and limits, framing,
 * persona, mitigation and epoch. Its key (design.md "Trial key") is the SHA-256 of these values,
 * with the scenario by content hash: the same key is never run twice, and adding a model or an
 * epoch adds only new keys. Judges are not part of the key: re-judging never reruns the agent.
 */
public record TrialSpec(Scenario scenario, String agentModel, Decoding decoding, Conditions conditions,
                        ExecutionLimits limits, int epoch) {
    public String key() {
        var k = Json.object();
        k.put("scenario", scenario.hash());
        k.put("agent", agentModel);
        k.put("decoding", decoding.label());
        k.put("protocol", protocolLabel());
        k.put("framing", conditions.framing());
        k.put("persona", conditions.persona());
        k.put("mitigation", conditions.mitigation().label());
        k.put("epoch", epoch);
        return Json.sha256(Json.canonical(k));
    }

    /** Protocol and its limits, e.g. {@code text;calls=10,turns=10,attempts=3,judge=first-completed}. */
    public String protocolLabel() {
        return conditions.protocol().label() + ";" + limits.label();
    }
}
