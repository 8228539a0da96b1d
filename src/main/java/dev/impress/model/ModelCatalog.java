package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Model families and access (open weights or proprietary), by model id, for the report's family
 * tables (spec/paper.md 7.2). The shipped catalogue is the resource {@code impress/models.yaml};
 * a user's file ({@code impress report --model-tags FILE}) is read on top of it, so it only needs
 * the models it changes or adds. Lookup is the rule of {@link PriceTable}: exact id, the longest
 * entry that is the id up to a {@code -}, the longest name entry such as <code>&#42;/llama</code>
 * (case-insensitive, on the part of the id after its last {@code /}), then {@code provider/*}.
 *
 * <p>Simulated models ({@code sim/...}) are never mistaken for real ones: only {@code sim/}
 * entries apply to them (no name or other provider's entry does), those entries must have
 * {@code access: simulated}, and no other entry may. The shipped catalogue tags no simulated model.
 */
public final class ModelCatalog {
    /** A model's family (e.g. {@code Llama}) and access: {@code open}, {@code proprietary} or {@code simulated}. */
    public record Tag(String family, String access) {}

    public static final String RESOURCE = "impress/models.yaml";
    public static final String OPEN = "open";
    public static final String PROPRIETARY = "proprietary";
    public static final String SIMULATED = "simulated";
    /** What the report calls models without a tag; no family or access may be named so. */
    public static final String UNTAGGED = "untagged";

    private static final String CONTEXT = "model tags";
    private static final String SHAPE = "{family: NAME, access: open|proprietary}";
    private static final Set<String> FIELDS = Set.of("family", "access");
    private static volatile ModelCatalog defaults;

    private final Map<String, Tag> tags;
    private final Map<String, Tag> simulated;
    private final String source;

    private ModelCatalog(Map<String, Tag> tags, String source) {
        this.tags = Map.copyOf(tags);
        Map<String, Tag> sim = new LinkedHashMap<>();
        tags.forEach((k, v) -> {
            if (isSimulated(k)) sim.put(k, v);
        });
        this.simulated = Map.copyOf(sim);
        this.source = source;
    }

    /** The catalogue shipped with IMPRESS. */
    public static ModelCatalog defaults() {
        ModelCatalog d = defaults;
        if (d == null) {
            d = parse(ModelTables.resource(RESOURCE), RESOURCE);
            defaults = d;
        }
        return d;
    }

    /** The shipped catalogue with the user's file on top. */
    public static ModelCatalog load(Path file) {
        return defaults().overriddenBy(parse(ModelTables.read(file, CONTEXT, "model tag file"), file.toString()));
    }

    /** A catalogue of exactly these entries (checked like a file's). */
    public static ModelCatalog of(Map<String, Tag> tags) {
        Map<String, Tag> checked = new LinkedHashMap<>();
        tags.forEach((key, tag) -> checked.put(key, check(key, tag.family(), tag.access(), "(given)")));
        return new ModelCatalog(checked, "(given)");
    }

    /** Reads {@code models: {provider/model: {family: NAME, access: open|proprietary}}}; errors name the file and field. */
    public static ModelCatalog parse(String yaml, String source) {
        Map<String, Tag> out = new LinkedHashMap<>();
        for (var e : ModelTables.models(yaml, source, CONTEXT, SHAPE)) {
            String key = e.getKey();
            JsonNode entry = e.getValue();
            if (entry == null || !entry.isObject()) throw bad(source, key, "", "expected " + SHAPE);
            for (var field : entry.properties()) {
                if (!FIELDS.contains(field.getKey())) {
                    throw bad(source, key, "." + field.getKey(), "unknown field (expected family and access)");
                }
            }
            out.put(key, check(key, text(entry, "family", source, key), text(entry, "access", source, key), source));
        }
        return new ModelCatalog(out, source);
    }

    private static String text(JsonNode entry, String field, String source, String key) {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(source, key, "." + field, field.equals("family")
                    ? "expected a family name, e.g. Llama"
                    : "expected open or proprietary" + (isSimulated(key) ? " (simulated for sim/ models)" : ""));
        }
        return v.asText().strip();
    }

    private static Tag check(String key, String family, String access, String source) {
        if (family == null || family.isBlank() || family.strip().equalsIgnoreCase(UNTAGGED)) {
            throw bad(source, key, ".family", "expected a family name other than '" + UNTAGGED + "' (the report's word for models without a tag)");
        }
        String a = access == null ? "" : access.strip().toLowerCase(Locale.ROOT);
        if (isSimulated(key)) {
            if (!a.equals(SIMULATED)) {
                throw bad(source, key, ".access", "expected simulated: a simulated model is never tagged open or proprietary, found '" + access + "'");
            }
        } else if (!a.equals(OPEN) && !a.equals(PROPRIETARY)) {
            throw bad(source, key, ".access", "expected open or proprietary, found '" + access + "'"
                    + (a.equals(SIMULATED) ? " (only sim/ models are simulated)" : ""));
        }
        return new Tag(family.strip(), a);
    }

    private static ModelException bad(String source, String key, String field, String message) {
        return new ModelException(ModelException.Kind.CONFIG, CONTEXT, source + ": models." + key + field + ": " + message);
    }

    private static boolean isSimulated(String idOrKey) {
        return idOrKey.startsWith("sim/");
    }

    public ModelCatalog overriddenBy(ModelCatalog other) {
        Map<String, Tag> merged = new LinkedHashMap<>(tags);
        merged.putAll(other.tags);
        return new ModelCatalog(merged, source + " + " + other.source);
    }

    /** The tag of a model id; empty when the model is untagged. */
    public Optional<Tag> find(String modelId) {
        return ModelTables.find(isSimulated(modelId) ? simulated : tags, modelId);
    }

    /** Where the entries come from: the resource and the user's file. */
    public String source() {
        return source;
    }

    public Map<String, Tag> entries() {
        return tags;
    }

    /** The tags of these models, in their order; untagged models are left out. */
    public Map<String, Tag> tagsOf(List<String> models) {
        Map<String, Tag> out = new LinkedHashMap<>();
        for (String m : models) find(m).ifPresent(t -> out.put(m, t));
        return out;
    }
}
