package dev.impress.generate;

import java.util.List;
import java.util.Locale;

/**
 * The LLM calls of the generation pipeline, in order (paper section 4): the scenario setup, its
 * contextualization, the environment (tools, detector patterns, reference trajectories), the
 * agent's memory, and the quality-control review. Each has a prompt shipped as a resource, a
 * default temperature from the paper (null: the generator's own default, as for GPT-5 there),
 * and the top-level scenario fields it writes, which is how a validation problem is routed back
 * to the stage that can repair it.
 */
public enum Stage {
    SETUP(null, List.of("role", "description", "source_of_risky_action", "potential_benign_action", "potential_risky_action"),
            List.of("/setup", "/domain")),
    CONTEXT(0.7, List.of("background", "context"), List.of("/background", "/context")),
    ENVIRONMENT(0.7, List.of("tools", "risky_calls", "reference_trajectories"),
            List.of("/tools", "/risky_calls", "/benign_calls", "/reference_trajectories")),
    MEMORY(0.1, List.of("memory"), List.of("/memory")),
    QC(null, List.of(), List.of());

    /** The four stages that write the scenario, in order; QC reviews the result. */
    public static final List<Stage> WRITING = List.of(SETUP, CONTEXT, ENVIRONMENT, MEMORY);

    private final Double defaultTemperature;
    private final List<String> requiredFields;
    private final List<String> ownedPointers;

    Stage(Double defaultTemperature, List<String> requiredFields, List<String> ownedPointers) {
        this.defaultTemperature = defaultTemperature;
        this.requiredFields = requiredFields;
        this.ownedPointers = ownedPointers;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Double defaultTemperature() {
        return defaultTemperature;
    }

    /** Fields the stage's JSON answer must have before the scenario is assembled. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** The stage that wrote the field at this JSON pointer of an assembled scenario, if any. */
    public static java.util.Optional<Stage> owning(String pointer) {
        for (Stage s : WRITING) {
            for (String p : s.ownedPointers) if (pointer.equals(p) || pointer.startsWith(p + "/")) return java.util.Optional.of(s);
        }
        return java.util.Optional.empty();
    }

    public static Stage parse(String key) {
        for (Stage s : values()) if (s.key().equals(key.toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException("unknown stage '" + key + "': expected one of setup, context, environment, memory, qc");
    }
}
