package dev.impress.model;

import java.util.List;

/**
 * Decoding parameters; null means the provider's default. Parameters a provider does not
 * support are reported in {@link ChatResponse#warnings()}, never silently dropped.
 */
public record Decoding(Double temperature, Double topP, Integer maxTokens, Long seed, List<String> stop) {
    public Decoding {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    public static final Decoding DEFAULT = new Decoding(null, null, null, null, List.of());

    public static Decoding temperature(double t) {
        return new Decoding(t, null, null, null, List.of());
    }

    public Decoding withMaxTokens(Integer max) {
        return new Decoding(temperature, topP, max, seed, stop);
    }

    /** A short stable label such as {@code t=0.7,top_p=0.9}, used in trial keys and reports. */
    public String label() {
        StringBuilder s = new StringBuilder();
        if (temperature != null) s.append("t=").append(temperature);
        if (topP != null) s.append(s.isEmpty() ? "" : ",").append("top_p=").append(topP);
        if (maxTokens != null) s.append(s.isEmpty() ? "" : ",").append("max_tokens=").append(maxTokens);
        if (seed != null) s.append(s.isEmpty() ? "" : ",").append("seed=").append(seed);
        if (!stop.isEmpty()) s.append(s.isEmpty() ? "" : ",").append("stop=").append(stop);
        return s.isEmpty() ? "default" : s.toString();
    }
}
