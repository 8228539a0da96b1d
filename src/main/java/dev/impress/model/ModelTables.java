package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the YAML tables keyed by model id ({@link PriceTable}, {@link ModelCatalog}) share: reading
 * the shipped resource or a user's file, the top-level {@code models} map, and the one lookup rule.
 *
 * <p>Lookup of a model id, first match wins:
 * <ol>
 *   <li>the exact id;</li>
 *   <li>the longest entry that is the id up to a {@code -}: {@code anthropic/claude-sonnet-4-5} also
 *       covers {@code anthropic/claude-sonnet-4-5-20250929};</li>
 *   <li>the longest name entry <code>&#42;/PREFIX</code> whose PREFIX begins the model's name, ignoring
 *       case, and is followed by the end of the name or by a character that is not a letter. The
 *       name is the part after the id's last {@code /}, so <code>&#42;/llama</code> covers
 *       {@code openai-compatible/meta-llama/Llama-3.3-70B-Instruct} and
 *       {@code openai-compatible/llama3.1:8b}, but not {@code openai-compatible/llamafile};</li>
 *   <li>{@code provider/*}.</li>
 * </ol>
 */
final class ModelTables {
    /** The key prefix of a name entry (rule 3). */
    static final String NAME_PREFIX = "*/";

    private ModelTables() {}

    /** The shipped resource's text. */
    static String resource(String name) {
        try (InputStream in = ModelTables.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** A user's file; {@code context} and {@code what} name it in the error ("prices", "price file"). */
    static String read(Path file, String context, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.CONFIG, context, "cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The entries of the top-level {@code models} map, each key checked to be {@code provider/model}
     * (a name entry's key in lower case, so that a user's <code>&#42;/Llama</code> replaces the shipped
     * <code>&#42;/llama</code>). Errors name {@code source}; {@code shape} says what an entry looks like.
     */
    static List<Map.Entry<String, JsonNode>> models(String yaml, String source, String context, String shape) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.CONFIG, context, source + ": not valid YAML: " + e.getMessage(), e);
        }
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isObject()) {
            throw new ModelException(ModelException.Kind.CONFIG, context, source + ": expected a top-level 'models' map of provider/model: " + shape);
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (var e : models.properties()) {
            if (!e.getKey().contains("/")) {
                throw new ModelException(ModelException.Kind.CONFIG, context, source + ": models." + e.getKey() + ": expected provider/model");
            }
            String name = e.getKey().startsWith(NAME_PREFIX) ? e.getKey().substring(NAME_PREFIX.length()) : null;
            if (name != null && (name.isEmpty() || name.contains("/"))) {
                throw new ModelException(ModelException.Kind.CONFIG, context, source + ": models." + e.getKey()
                        + ": a */NAME entry matches the start of the part of a model id after its last '/', so NAME has no '/' (e.g. */llama)");
            }
            String key = name != null ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey();
            out.add(Map.entry(key, e.getValue()));
        }
        return out;
    }

    /** The entry for a model id, by the rule described on the class. */
    static <V> Optional<V> find(Map<String, V> entries, String modelId) {
        V exact = entries.get(modelId);
        if (exact != null) return Optional.of(exact);
        String best = null;
        for (String key : entries.keySet()) {
            if (modelId.startsWith(key + "-") && (best == null || key.length() > best.length())) best = key;
        }
        if (best != null) return Optional.of(entries.get(best));
        String name = modelId.substring(modelId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String key : entries.keySet()) {
            if (!key.startsWith(NAME_PREFIX)) continue;
            String prefix = key.substring(NAME_PREFIX.length()).toLowerCase(Locale.ROOT);
            if (!prefix.isEmpty() && name.startsWith(prefix) && (name.length() == prefix.length() || !Character.isLetter(name.charAt(prefix.length())))
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        if (best != null) return Optional.of(entries.get(best));
        int slash = modelId.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(entries.get(modelId.substring(0, slash) + "/*"));
    }
}
