package dev.impress.model;

import java.util.Map;

/**
 * Where API keys and base URLs come from. Production code uses {@link #system()}; tests pass a
 * map, so nothing reads or changes the process environment behind the caller's back.
 */
@FunctionalInterface
public interface Environment {
    /** The value of variable {@code name}, or null when it is unset. */
    String get(String name);

    /** The value, or null when it is unset or blank. */
    default String nonBlank(String name) {
        String v = get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Environment system() {
        return System::getenv;
    }

    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }
}
