package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * USD per million input and output tokens, by model id. The shipped table is the resource
 * {@code impress/prices.yaml}; a user's file ({@code --prices FILE}) is read on top of it, so it
 * only needs the models it changes or adds. Lookup is by exact id, then by the longest entry that
 * is the id up to a {@code -} (so {@code anthropic/claude-sonnet-4-5} also prices the dated
 * {@code anthropic/claude-sonnet-4-5-20250929}), then by a name entry such as <code>&#42;/llama</code>
 * (see {@link ModelTables}), then by {@code provider/*}.
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
            d = parse(ModelTables.resource(RESOURCE), RESOURCE);
            defaults = d;
        }
        return d;
    }

    /** The shipped table with the user's file on top. */
    public static PriceTable load(Path file) {
        return defaults().overriddenBy(parse(ModelTables.read(file, "prices", "price file"), file.toString()));
    }

    public static PriceTable of(Map<String, Price> prices) {
        return new PriceTable(prices, "(given)");
    }

    /** Reads {@code models: {provider/model: {input: USD, output: USD}}}; errors name the file and entry. */
    public static PriceTable parse(String yaml, String source) {
        Map<String, Price> out = new LinkedHashMap<>();
        for (var e : ModelTables.models(yaml, source, "prices", "{input: USD per million tokens, output: USD per million tokens}")) {
            String key = e.getKey();
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

    /** The price of a model id, by the lookup rule of {@link ModelTables}. */
    public Optional<Price> find(String modelId) {
        return ModelTables.find(prices, modelId);
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
