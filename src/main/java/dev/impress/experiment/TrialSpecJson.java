package dev.impress.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.agent.Conditions;
import dev.impress.agent.ExecutionLimits;
import dev.impress.json.Json;
import dev.impress.model.Decoding;
import dev.impress.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A trial spec as stored JSON and back: what a resumed run or another worker needs to run it. */
public final class TrialSpecJson {
    private TrialSpecJson() {}

    public static ObjectNode write(TrialSpec t) {
        ObjectNode o = Json.object();
        o.put("scenario", t.scenario().hash());
        o.put("scenario_id", t.scenario().id());
        o.put("agent", t.agentModel());
        ObjectNode d = o.putObject("decoding");
        if (t.decoding().temperature() != null) d.put("temperature", t.decoding().temperature());
        if (t.decoding().topP() != null) d.put("top_p", t.decoding().topP());
        if (t.decoding().maxTokens() != null) d.put("max_tokens", t.decoding().maxTokens());
        if (t.decoding().seed() != null) d.put("seed", t.decoding().seed());
        if (!t.decoding().stop().isEmpty()) t.decoding().stop().forEach(d.putArray("stop")::add);
        o.put("protocol", t.conditions().protocol().label());
        o.put("framing", t.conditions().framing());
        o.put("persona", t.conditions().persona());
        o.put("mitigation", t.conditions().mitigation().label());
        ObjectNode l = o.putObject("limits");
        l.put("max_tool_calls", t.limits().maxToolCalls()).put("max_turns", t.limits().maxTurns())
                .put("attempts", t.limits().attempts()).put("judged_attempt", t.limits().judgedAttempt().name());
        o.put("epoch", t.epoch());
        return o;
    }

    public static TrialSpec read(JsonNode o, Function<String, Scenario> scenarios) {
        Scenario s = scenarios.apply(o.get("scenario").asText());
        if (s == null) throw new IllegalStateException("the store has no scenario " + o.get("scenario").asText());
        JsonNode d = o.get("decoding");
        List<String> stop = new ArrayList<>();
        d.path("stop").forEach(n -> stop.add(n.asText()));
        Decoding decoding = new Decoding(d.has("temperature") ? d.get("temperature").asDouble() : null,
                d.has("top_p") ? d.get("top_p").asDouble() : null, d.has("max_tokens") ? d.get("max_tokens").asInt() : null,
                d.has("seed") ? d.get("seed").asLong() : null, stop);
        Conditions c = new Conditions(Conditions.Protocol.parse(o.get("protocol").asText()), o.get("framing").asText(),
                o.get("persona").asText(), Conditions.Mitigation.parse(o.get("mitigation").asText()));
        JsonNode l = o.get("limits");
        ExecutionLimits limits = new ExecutionLimits(l.get("max_tool_calls").asInt(), l.get("max_turns").asInt(),
                l.get("attempts").asInt(), ExecutionLimits.JudgedAttempt.valueOf(l.get("judged_attempt").asText()));
        return new TrialSpec(s, o.get("agent").asText(), decoding, c, limits, o.get("epoch").asInt());
    }
}
