package dev.impress.report;

import dev.impress.analysis.AnalysisOptions;
import dev.impress.analysis.Breakdowns;
import dev.impress.analysis.Metrics;
import dev.impress.analysis.ModelGroups;
import dev.impress.analysis.TrialOutcome;
import dev.impress.model.ModelCatalog;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run's models by family and by access (open, proprietary; simulated for tagged sim/ models),
 * from a {@link ModelCatalog}: the paper's family means, proprietary vs open-source means and
 * intra-family variance (spec/paper.md 7.2), computed by {@link ModelGroups}. {@link #NONE}
 * when no model of the run is tagged; then the report shows no family tables.
 *
 * @param catalogue where the tags come from (the shipped resource, plus the user's file)
 * @param tags      every tagged model's tag, by model
 * @param untagged  the run's models without a tag: listed, and left out of every group
 * @param families  the groups by family
 * @param access    the groups by access
 * @param allTagged every tagged model as one group
 */
public record ModelFamilies(String catalogue, SortedMap<String, ModelCatalog.Tag> tags, List<String> untagged,
                            SortedMap<String, ModelGroups.Group> families, SortedMap<String, ModelGroups.Group> access,
                            ModelGroups.Group allTagged) {
    /** The name of the {@link #allTagged} group. */
    public static final String ALL_TAGGED = "all tagged models";
    public static final ModelFamilies NONE = new ModelFamilies("", Collections.emptySortedMap(), List.of(),
            Collections.emptySortedMap(), Collections.emptySortedMap(), null);

    /** True when at least one model is tagged: the report shows the family tables. */
    public boolean present() {
        return !tags.isEmpty();
    }

    /** The access of a family's models, e.g. {@code open}; several joined by ", " when they differ. */
    public String accessOf(String family) {
        TreeSet<String> values = new TreeSet<>();
        tags.values().forEach(t -> {
            if (t.family().equals(family)) values.add(t.access());
        });
        return String.join(", ", values);
    }

    /** The tags of these models (the run's models), untagged ones apart. */
    static Tagging tagging(Collection<String> models, ModelCatalog catalog) {
        SortedMap<String, ModelCatalog.Tag> tags = new TreeMap<>();
        List<String> untagged = new java.util.ArrayList<>();
        for (String m : new TreeSet<>(models)) {
            catalog.find(m).ifPresentOrElse(t -> tags.put(m, t), () -> untagged.add(m));
        }
        return new Tagging(catalog.source(), Collections.unmodifiableSortedMap(tags), List.copyOf(untagged));
    }

    /** The run's tags, untagged models apart. */
    record Tagging(String catalogue, SortedMap<String, ModelCatalog.Tag> tags, List<String> untagged) {
        Map<String, String> familyOf() {
            Map<String, String> out = new LinkedHashMap<>();
            tags.forEach((m, t) -> out.put(m, t.family()));
            return out;
        }

        Map<String, String> accessOf() {
            Map<String, String> out = new LinkedHashMap<>();
            tags.forEach((m, t) -> out.put(m, t.access()));
            return out;
        }

        Map<String, String> allOf() {
            Map<String, String> out = new LinkedHashMap<>();
            tags.keySet().forEach(m -> out.put(m, ALL_TAGGED));
            return out;
        }
    }

    /**
     * The pooled metrics of every group, by group name.
     *
     * @param all the pooled metrics of every tagged model, null when every model is tagged (then
     *            they are the report's "all models" row)
     */
    record Pooled(Tagging tagging, Map<String, Metrics> families, Map<String, Metrics> access, Metrics all) {}

    /**
     * The pooled metrics of every group (bootstraps over the groups' trials; the report computes
     * them alongside its other tables); nothing to compute when no model is tagged.
     */
    static Pooled pool(List<TrialOutcome> outcomes, ModelCatalog catalog, AnalysisOptions options) {
        Tagging tagging = tagging(outcomes.stream().map(TrialOutcome::model).distinct().toList(), catalog);
        if (tagging.tags().isEmpty()) return new Pooled(tagging, Map.of(), Map.of(), null);
        Breakdowns b = new Breakdowns(options);
        Metrics all = tagging.untagged().isEmpty() ? null : ModelGroups.pooled(b, outcomes, tagging.allOf()).get(ALL_TAGGED);
        return new Pooled(tagging, ModelGroups.pooled(b, outcomes, tagging.familyOf()), ModelGroups.pooled(b, outcomes, tagging.accessOf()), all);
    }

    /**
     * The groups from the pooled metrics and the report's per-model and overall metrics.
     *
     * @param overall all models' metrics: the pooled metrics of all tagged models when every model is tagged
     */
    static ModelFamilies of(Pooled pooled, Map<String, Metrics> byModel, Metrics overall) {
        Tagging tagging = pooled.tagging();
        if (tagging.tags().isEmpty()) return NONE;
        Metrics all = pooled.all() != null ? pooled.all() : tagging.untagged().isEmpty() ? overall : null;
        return new ModelFamilies(tagging.catalogue(), tagging.tags(), tagging.untagged(),
                ModelGroups.summarise(byModel, tagging.familyOf(), pooled.families()),
                ModelGroups.summarise(byModel, tagging.accessOf(), pooled.access()),
                ModelGroups.group(ALL_TAGGED, List.copyOf(tagging.tags().keySet()), byModel, all));
    }
}
