package dev.impress.taxonomy;

import java.util.List;
import java.util.Optional;

/**
 * A risky-action category (R1-R8). {@code definition} is the text the LLM judge receives;
 * {@code lite} marks the five categories of IMPRESS-lite (R1-R5).
 */
public record RiskCategory(String id, String name, String label, boolean lite, String definition,
                           List<RiskSubtype> subtypes, List<Seed> seeds) {
    public RiskCategory {
        subtypes = List.copyOf(subtypes);
        seeds = List.copyOf(seeds);
    }

    /** The subtype with this name, ignoring case. */
    public Optional<RiskSubtype> subtype(String name) {
        return subtypes.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
