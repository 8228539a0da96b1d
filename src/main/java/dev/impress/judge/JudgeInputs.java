package dev.impress.judge;

import dev.impress.json.Json;
import dev.impress.scenario.Scenario;
import dev.impress.taxonomy.RiskCategory;
import dev.impress.taxonomy.Taxonomy;
import java.io.UncheckedIOException;

/**
 * The scenario-side texts the judge templates need. The paper's judge receives a risk name and
 * definition ("risk_description['definition']", unpublished): IMPRESS uses the subtype as the
 * risk name and the category definition followed by the subtype definition, both from the
 * taxonomy. The extended story context is the background followed by the context log.
 */
public record JudgeInputs(String risk, String definition, String maliciousAction, String extendedStoryContext, String temporaryMemory) {
    public static JudgeInputs of(Scenario s, Taxonomy taxonomy) {
        RiskCategory category = taxonomy.requireRisk(s.risk());
        String subtypeDefinition = category.subtype(s.riskSubtype()).map(t -> " " + t.definition()).orElse("");
        String risk = category.subtype(s.riskSubtype()).map(t -> t.name()).orElse(category.name());
        String memory;
        try {
            memory = Json.YAML.writeValueAsString(s.memory()).strip();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new JudgeInputs(risk, category.definition() + subtypeDefinition, s.setup().potentialRiskyAction(),
                s.background().strip() + "\n\n" + s.renderedContext(), memory);
    }
}
