package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Parameter name to matchers; all must hold for the arguments to match. Empty matches anything. */
public record ArgConditions(Map<String, List<ArgMatcher>> byParameter) {
    public static final ArgConditions ANY = new ArgConditions(Map.of());

    public ArgConditions {
        var copy = new LinkedHashMap<String, List<ArgMatcher>>();
        byParameter.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byParameter = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean test(JsonNode args) {
        for (var entry : byParameter.entrySet()) {
            JsonNode value = args == null ? null : args.get(entry.getKey());
            if (value != null && value.isNull()) value = null;
            for (ArgMatcher m : entry.getValue()) if (!m.test(value)) return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return byParameter.isEmpty();
    }

    public String describe() {
        if (byParameter.isEmpty()) return "any arguments";
        return byParameter.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().map(ArgMatcher::describe).collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(", "));
    }
}
