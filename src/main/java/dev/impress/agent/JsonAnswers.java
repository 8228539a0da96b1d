package dev.impress.agent;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's answer, tolerating code fences, text before and after, and
 * lenient JSON (single quotes, trailing commas). Used for judges and judgment-format answers.
 */
public final class JsonAnswers {
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private JsonAnswers() {}

    /** The first JSON object found, or null. */
    public static JsonNode firstObject(String text) {
        if (text == null) return null;
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            JsonNode n = objectAt(fence.group(1), 0);
            if (n != null) return n;
        }
        for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
            JsonNode n = objectAt(text, i);
            if (n != null) return n;
        }
        return null;
    }

    private static JsonNode objectAt(String text, int from) {
        int start = text.indexOf('{', from);
        if (start < 0) return null;
        try (var p = LENIENT.createParser(text.substring(start))) {
            JsonNode n = LENIENT.readTree(p);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }
}
