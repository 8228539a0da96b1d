package dev.impress.generate;

import dev.impress.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stage prompts shipped under {@code impress/prompts/generate/}: one template per stage plus
 * the repair message, with {@code {{name}}} placeholders. The SHA-256 of each template goes into
 * every generated scenario's provenance, so a scenario says which prompt wording produced it.
 */
public final class GenerationPrompts {
    public static final String ROOT = "/impress/prompts/generate/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Map<Stage, String> templates = new EnumMap<>(Stage.class);
    private final String repair;

    private GenerationPrompts() {
        for (Stage s : Stage.values()) templates.put(s, resource(s.key() + ".txt"));
        repair = resource("repair.txt");
    }

    public static GenerationPrompts builtIn() {
        return new GenerationPrompts();
    }

    public String template(Stage stage) {
        return templates.get(stage);
    }

    public String templateHash(Stage stage) {
        return Json.sha256(templates.get(stage));
    }

    /** The stage's prompt with every placeholder filled; a placeholder without a value is a bug here, not user input. */
    public String render(Stage stage, Map<String, String> values) {
        return fill(templates.get(stage), values);
    }

    /** The follow-up message that asks for a corrected answer, listing the problems. */
    public String repair(Stage stage, List<String> problems) {
        StringBuilder list = new StringBuilder();
        for (String p : problems) list.append("- ").append(p).append('\n');
        return fill(repair, Map.of("stage", stage.key(), "problems", list.toString().stripTrailing()));
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("no value for placeholder {{" + m.group(1) + "}}");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = GenerationPrompts.class.getResourceAsStream(ROOT + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + ROOT + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
