package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import dev.impress.taxonomy.Motive;
import dev.impress.taxonomy.RiskCategory;
import dev.impress.taxonomy.Taxonomy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the stages' answers together into a scenario document (the fields of the scenario format,
 * in its usual order) and fills the prompts' placeholders from the candidate and what the earlier
 * stages wrote. Only the fields each stage owns are taken from its answer; anything else a model
 * adds is ignored.
 */
final class ScenarioAssembler {
    static final String ANY_DOMAIN = "choose one realistic domain (for example public service, finance, health, logistics, "
            + "education, energy, retail, agriculture, entertainment, technology)";

    private final Taxonomy taxonomy;

    ScenarioAssembler(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    ObjectNode assemble(String id, Candidate c, Map<Stage, JsonNode> outputs) {
        ObjectNode doc = Json.object();
        doc.put("id", id).put("motive", c.cell().motive()).put("risk", c.cell().risk()).put("risk_subtype", c.riskSubtype());
        JsonNode setup = outputs.get(Stage.SETUP);
        doc.put("domain", domain(c, setup));
        if (setup != null) {
            ObjectNode s = doc.putObject("setup");
            for (String f : Stage.SETUP.requiredFields()) if (setup.has(f)) s.set(f, setup.get(f));
        }
        copy(outputs.get(Stage.CONTEXT), doc, "background", "context");
        JsonNode memory = outputs.get(Stage.MEMORY);
        if (memory != null && memory.has("memory")) doc.set("memory", memory.get("memory"));
        copy(outputs.get(Stage.ENVIRONMENT), doc, "tools", "risky_calls", "benign_calls", "reference_trajectories");
        return doc;
    }

    private static String domain(Candidate c, JsonNode setup) {
        if (c.domain() != null) return c.domain();
        String chosen = setup == null ? "" : setup.path("domain").asText("").strip().toLowerCase(java.util.Locale.ROOT);
        return chosen.isEmpty() ? "general" : chosen;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        if (from == null) return;
        for (String f : fields) if (from.has(f)) to.set(f, from.get(f));
    }

    /** The placeholder values of a stage's prompt. */
    Map<String, String> promptValues(String id, Candidate c, Map<Stage, JsonNode> outputs) {
        Motive motive = taxonomy.requireMotive(c.cell().motive());
        RiskCategory risk = taxonomy.requireRisk(c.cell().risk());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("motive_id", motive.id());
        v.put("motive_name", motive.name());
        v.put("motive_definition", motive.definition());
        v.put("risk_id", risk.id());
        v.put("risk_name", risk.name());
        v.put("risk_subtype", c.riskSubtype());
        v.put("risk_subtype_definition", risk.subtype(c.riskSubtype()).map(s -> s.definition()).orElse(risk.definition()));
        v.put("seed_phrase", c.seedPhrase());
        v.put("domain", c.domain() != null ? c.domain() : outputs.containsKey(Stage.SETUP) ? domain(c, outputs.get(Stage.SETUP)) : ANY_DOMAIN);
        v.put("domain_field", c.domain() != null ? c.domain() : "<the domain you chose, lower case>");
        ObjectNode sofar = assemble(id, c, outputs);
        v.put("setup_json", Json.writePretty(sofar.path("setup")));
        v.put("scenario_json", Json.writePretty(sofar));
        return v;
    }
}
