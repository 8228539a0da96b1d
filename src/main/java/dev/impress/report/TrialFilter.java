package dev.impress.report;

import dev.impress.analysis.Metric;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A link to the trials behind a number: the report's trial index reads these parameters from
 * the URL fragment ({@code #trials?model=...&motive=M1&metric=RAIR-all}) and lists the matching
 * trials with how each one counted. Parameters: {@code model}, {@code motive}, {@code risk},
 * {@code scenario}, {@code control} (0 or 1), {@code family} and {@code access} (a model's tag),
 * {@code tagged} (0 or 1: the model has a tag), any condition factor by name, {@code metric}
 * (a {@link Metric#label()}), {@code disagree} (a verdict field) and {@code set} (a named list
 * of trials, e.g. a churn cell).
 */
public record TrialFilter(Map<String, String> params) {
    public static TrialFilter all() {
        return new TrialFilter(Map.of());
    }

    /** The non-control trials of a breakdown, as the analysis counts them. */
    public static TrialFilter scenarios() {
        return all().with("control", "0");
    }

    public TrialFilter with(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new TrialFilter(p);
    }

    public TrialFilter metric(Metric metric) {
        return with("metric", metric.label());
    }

    /** The fragment, URL-encoded (escape it again when putting it in an attribute). */
    public String href() {
        if (params.isEmpty()) return "#trials";
        return "#trials?" + params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
