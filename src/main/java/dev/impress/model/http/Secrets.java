package dev.impress.model.http;

import java.util.List;
import java.util.Objects;

/**
 * The secret values (API keys) of one model, so that any text about to leave the adapter (an
 * exception message, a stored body, a log line) can have them blanked. Providers sometimes echo
 * part of a rejected key in their error message; this makes sure a full key never gets through.
 */
public final class Secrets {
    private static final int MIN_LENGTH = 6;
    private static final String MASK = "[REDACTED]";
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static Secrets of(String... values) {
        return new Secrets(java.util.Arrays.stream(values).filter(Objects::nonNull)
                .map(String::strip).filter(v -> v.length() >= MIN_LENGTH).distinct().toList());
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    public String redact(String text) {
        if (text == null || values.isEmpty()) return text;
        String out = text;
        for (String v : values) out = out.replace(v, MASK);
        return out;
    }
}
