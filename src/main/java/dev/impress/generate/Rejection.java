package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.util.List;

/**
 * Why a candidate was not kept: the gate that stopped it, the stage concerned (if any), a one-line
 * reason and the details (validator problems, QC reasons, the near-duplicate and its similarity).
 * One line of the rejection log.
 */
public record Rejection(String candidate, Cell cell, Gate gate, Stage stage, String reason, List<String> details,
                        String duplicateOf, Double similarity) {
    /** The gates, in the order a candidate meets them. */
    public enum Gate {
        /** A stage's answer was not the JSON asked for, even after repairs. */
        FORMAT,
        /** The assembled scenario failed `impress scenarios validate` (schema, references, replays), even after repairs. */
        VALIDATION,
        /** Its background is too similar to one kept earlier (sentence embeddings). */
        REDUNDANCY,
        /** The LLM review failed at least one of the five criteria. */
        QC;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Rejection {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("candidate", candidate).put("cell", cell.label()).put("gate", gate.key());
        if (stage != null) o.put("stage", stage.key());
        o.put("reason", reason);
        var d = o.putArray("details");
        details.forEach(d::add);
        if (duplicateOf != null) o.put("duplicate_of", duplicateOf);
        if (similarity != null) o.put("similarity", Math.round(similarity * 10000) / 10000.0);
        return o;
    }

    public static Rejection fromJson(JsonNode o) {
        List<String> details = new java.util.ArrayList<>();
        o.path("details").forEach(n -> details.add(n.asText()));
        return new Rejection(o.get("candidate").asText(), Cell.parse(o.get("cell").asText()),
                Gate.valueOf(o.get("gate").asText().toUpperCase(java.util.Locale.ROOT)),
                o.hasNonNull("stage") ? Stage.parse(o.get("stage").asText()) : null, o.get("reason").asText(), details,
                o.hasNonNull("duplicate_of") ? o.get("duplicate_of").asText() : null,
                o.hasNonNull("similarity") ? o.get("similarity").asDouble() : null);
    }
}
