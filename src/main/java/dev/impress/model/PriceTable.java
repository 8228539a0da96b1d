package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * USD per million input and output tokens, by model id. The shipped table is the resource
 * {@code impress/prices.yaml}; a user's file ({@code --prices FILE}) is read on top of it, so it
 * only needs the models it changes or adds. Lookup is by exact id, then by the longest entry that
 * is the id up to a {@code -} (so {@code anthropic/claude-sonnet-4-5} also prices the dated
 * {@code anthropic/claude-sonnet-4-5-20250929}), then by {@code provider/*}.
 */
public final class PriceTable {
    /** USD per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {
        public double cost(Usage usage) {
            return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000.0;
        }
    }

    public static final String RESOURCE = "impress/prices.yaml";
    private static volatile PriceTable defaults;

    private final Map<String, Price> prices;
    private final String source;

    private PriceTable(Map<String, Price> prices, String source) {
        this.prices = Map.copyOf(prices);
        this.source = source;
    }

    /** The table shipped with IMPRESS. */
    public static PriceTable defaults() {
        PriceTable d = defaults;
        if (d == null) {
            try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                d = parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
            defaults = d;
        }
        return d;
    }

    /** The shipped table with the user's file on top. */
    public static PriceTable load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.CONFIG, "prices", "cannot read price file " + file + ": " + e.getMessage(), e);
        }
        return defaults().overriddenBy(parse(text, file.toString()));
    }

    public static PriceTable of(Map<String, Price> prices) {
        return new PriceTable(prices, "(given)");
    }

    /** Reads {@code models: {provider/model: {input: USD, output: USD}}}; errors name the file and entry. */
    public static PriceTable parse(String yaml, String source) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.CONFIG, "prices", source + ": not valid YAML: " + e.getMessage(), e);
        }
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isObject()) {
            throw new ModelException(ModelException.Kind.CONFIG, "prices", source
                    + ": expected a top-level 'models' map of provider/model: {input: USD per million tokens, output: USD per million tokens}");
        }
        Map<String, Price> out = new LinkedHashMap<>();
        for (var e : models.properties()) {
            String key = e.getKey();
            if (!key.contains("/")) {
                throw new ModelException(ModelException.Kind.CONFIG, "prices", source + ": models." + key + ": expected provider/model");
            }
            out.put(key, new Price(number(e.getValue(), "input", source, key), number(e.getValue(), "output", source, key)));
        }
        return new PriceTable(out, source);
    }

    private static double number(JsonNode entry, String field, String source, String key) {
        JsonNode v = entry.get(field);
        if (v == null || !v.isNumber() || v.asDouble() < 0) {
            throw new ModelException(ModelException.Kind.CONFIG, "prices", source + ": models." + key + "." + field
                    + ": expected a number >= 0 (USD per million tokens)");
        }
        return v.asDouble();
    }

    public PriceTable overriddenBy(PriceTable other) {
        Map<String, Price> merged = new LinkedHashMap<>(prices);
        merged.putAll(other.prices);
        return new PriceTable(merged, source + " + " + other.source);
    }

    public Optional<Price> find(String modelId) {
        Price exact = prices.get(modelId);
        if (exact != null) return Optional.of(exact);
        String best = null;
        for (String key : prices.keySet()) {
            if (modelId.startsWith(key + "-") && (best == null || key.length() > best.length())) best = key;
        }
        if (best != null) return Optional.of(prices.get(best));
        int slash = modelId.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(prices.get(modelId.substring(0, slash) + "/*"));
    }

    /** USD for this usage, 0 when the model has no price. */
    public double cost(String modelId, Usage usage) {
        return find(modelId).map(p -> p.cost(usage)).orElse(0.0);
    }

    public String source() {
        return source;
    }

    public Map<String, Price> entries() {
        return prices;
    }
}
