package dev.impress.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human message out of a provider's error body. All three wire formats put it at
 * {@code error.message}: OpenAI and compatible servers {@code {"error": {"message", "type", "code"}}},
 * Anthropic {@code {"type": "error", "error": {"type", "message"}}}, Gemini
 * {@code {"error": {"code", "message", "status"}}}. Some compatible servers send
 * {@code {"error": "text"}} or {@code {"detail": ...}} (FastAPI), or an HTML page from a proxy.
 */
public final class ErrorBodies {
    private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
    private static final int SNIPPET = 300;

    private ErrorBodies() {}

    public static String message(String body) {
        if (body == null || body.isBlank()) return "(empty body)";
        String trimmed = body.strip();
        if (looksLikeHtml(trimmed)) return "an HTML page" + htmlTitle(trimmed);
        try {
            JsonNode root = Json.MAPPER.readTree(trimmed);
            JsonNode error = root.path("error");
            StringBuilder m = new StringBuilder();
            if (error.isObject()) {
                String type = firstText(error, "type", "status", "code");
                String text = error.path("message").asText("");
                if (!type.isEmpty()) m.append(type).append(": ");
                m.append(text.isEmpty() ? snippet(error.toString()) : text);
                return m.toString();
            }
            if (error.isTextual()) return error.asText();
            if (root.has("detail")) return snippet(root.get("detail").isTextual() ? root.get("detail").asText() : root.get("detail").toString());
            if (root.has("message")) return root.get("message").asText();
            return snippet(trimmed);
        } catch (Exception e) {
            return snippet(trimmed);
        }
    }

    /** The provider's machine-readable error type or status, lower-cased, or "". */
    public static String type(String body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            return firstText(error, "type", "status", "code").toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "";
        }
    }

    public static boolean looksLikeHtml(String body) {
        String head = body.stripLeading();
        head = head.substring(0, Math.min(head.length(), 100)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head") || head.startsWith("<body");
    }

    private static String htmlTitle(String html) {
        Matcher m = TITLE.matcher(html);
        return m.find() ? " (title: " + snippet(m.group(1).strip()) + ")" : "";
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.path(f);
            if (v.isValueNode() && !v.asText().isEmpty()) return v.asText();
        }
        return "";
    }

    public static String snippet(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "...";
    }
}
