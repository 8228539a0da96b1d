package dev.impress.agent;

import dev.impress.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt texts shipped under {@code impress/prompts/}: the paper's templates verbatim
 * (agent, judge, resolution judge), the judgment-format variants, and the framing, persona and
 * safety texts. One place to read them, one way to fill them.
 */
public final class Prompts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

    private Prompts() {}

    public static String template(String name) {
        return TEMPLATES.computeIfAbsent(name, Prompts::readTemplate);
    }

    /** Templates are read once: every agent attempt and judge call needs one, thousands of times a minute in a large run. */
    private static final Map<String, String> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String readTemplate(String name) {
        String path = "/impress/prompts/" + name;
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing prompt resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces {@code {name}} placeholders in one pass. Placeholders without a value stay as
     * written (the templates contain literal JSON braces), and values are never re-scanned, so
     * text from a scenario or a model cannot inject placeholders.
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        int last = 0;
        // Values are appended as they are (no replacement-string escaping): they can be long
        // scenario texts and trajectories, filled into every prompt.
        while (m.find()) {
            String value = values.get(m.group(1));
            out.append(template, last, m.start()).append(value == null ? m.group() : value);
            last = m.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    /** The framing, persona and safety texts of the paper (framings.yaml). */
    public record Framings(Map<String, String> reality, Map<String, String> personas,
                           @com.fasterxml.jackson.annotation.JsonProperty("safety_prompt") String safetyPrompt) {
        public static Framings load() {
            try {
                return Json.YAML.readValue(template("framings.yaml"), Framings.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
