package dev.impress.agent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tolerant parser for the paper's text protocol. Real model output is messy: several
 * {@code <tool_code>} blocks per turn, code fences inside or instead of tags, a missing closing
 * tag, JSON with trailing commas, single quotes, comments or Python literals, several objects in
 * one block, an array of calls, {@code name}/{@code arguments} instead of
 * {@code tool_name}/{@code parameters}, parameters given as a JSON string. What still cannot be
 * understood becomes a {@link ParsedTurn.Problem}, reported back to the agent by the runner.
 */
public final class ToolCodeParser {
    private static final Pattern TOOL_OPEN = Pattern.compile("<\\s*tool_code\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOOL_CLOSE = Pattern.compile("<\\s*/\\s*tool_code\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPLETE_OPEN = Pattern.compile("<\\s*task_complete\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPLETE_CLOSE = Pattern.compile("<\\s*/\\s*task_complete\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_TAG = Pattern.compile("<\\s*/?\\s*(tool_code|task_complete)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_OPEN = Pattern.compile("<\\s*(tool_code|task_complete)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern CALL_SHAPE = Pattern.compile("(?s).*[\"']?name[\"']?\\s*:.*[\"']?(parameters|arguments)[\"']?\\s*:.*");
    private static final Pattern LANGUAGE_LINE = Pattern.compile("^(?i)(json|tool_code)\\s*\\n");
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z_]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern PYTHON_LITERAL = Pattern.compile("(?<![\\w\"'])(True|False|None)(?![\\w\"'])");

    /** Lenient JSON: single quotes, trailing commas, comments, unquoted names, NaN. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    public ParsedTurn parse(String text) {
        String source = text == null ? "" : text;
        List<ParsedTurn.Call> calls = new ArrayList<>();
        List<ParsedTurn.Problem> problems = new ArrayList<>();
        StringBuilder reasoning = new StringBuilder();
        String completion = null;

        int pos = 0;
        while (pos < source.length()) {
            Matcher open = ANY_TAG.matcher(source);
            if (!open.find(pos)) {
                reasoning.append(source, pos, source.length());
                break;
            }
            reasoning.append(source, pos, open.start());
            String tag = WHITESPACE.matcher(open.group().toLowerCase(Locale.ROOT)).replaceAll("");
            if (tag.startsWith("</")) { // a stray closing tag: skip it
                pos = open.end();
                continue;
            }
            boolean isTool = tag.contains("tool_code");
            Pattern close = isTool ? TOOL_CLOSE : COMPLETE_CLOSE;
            Matcher end = close.matcher(source);
            int bodyEnd;
            int next;
            if (end.find(open.end()) && !opensBefore(source, open.end(), end.start())) {
                bodyEnd = end.start();
                next = end.end();
            } else {
                // Missing closing tag: the block runs to the next opening tag or the end.
                Matcher nextOpen = ANY_OPEN.matcher(source);
                bodyEnd = nextOpen.find(open.end()) ? nextOpen.start() : source.length();
                next = bodyEnd;
                if (!isTool || !source.substring(open.end(), bodyEnd).isBlank()) {
                    // an unclosed task_complete is common and harmless; note unclosed tool blocks only
                    if (isTool) problems.add(new ParsedTurn.Problem("missing </tool_code>; read the block up to " + (bodyEnd == source.length() ? "the end of the message" : "the next tag"), null));
                }
            }
            String body = source.substring(open.end(), bodyEnd);
            if (isTool) {
                parseToolBlock(body, calls, problems);
            } else {
                String message = body.strip();
                completion = completion == null ? message : completion + "\n" + message;
            }
            pos = next;
        }

        if (calls.isEmpty() && completion == null && problems.isEmpty()) {
            // No tags at all: accept a fenced or bare JSON call, which models often emit instead.
            String untagged = reasoning.toString();
            List<ParsedTurn.Call> found = new ArrayList<>();
            List<ParsedTurn.Problem> ignored = new ArrayList<>();
            Matcher fence = FENCE.matcher(untagged);
            while (fence.find()) if (looksLikeCall(fence.group(1))) parseToolBlock(fence.group(1), found, ignored);
            if (found.isEmpty() && looksLikeCall(untagged)) {
                int brace = untagged.indexOf('{');
                parseToolBlock(untagged.substring(brace), found, ignored);
            }
            if (!found.isEmpty()) {
                calls.addAll(found);
                problems.add(new ParsedTurn.Problem("tool call given without <tool_code> tags; accepted", null));
            }
        }
        return new ParsedTurn(calls, completion, reasoning.toString().strip(), problems);
    }

    private static boolean opensBefore(String source, int from, int to) {
        Matcher m = ANY_OPEN.matcher(source);
        return m.find(from) && m.start() < to;
    }

    private static boolean looksLikeCall(String text) {
        return text.contains("{") && (text.contains("tool_name") || CALL_SHAPE.matcher(text).matches());
    }

    private void parseToolBlock(String body, List<ParsedTurn.Call> calls, List<ParsedTurn.Problem> problems) {
        String json = body.strip();
        Matcher fence = FENCE.matcher(json);
        if (fence.find()) json = fence.group(1).strip();
        json = LANGUAGE_LINE.matcher(json).replaceFirst("");
        if (json.isEmpty()) {
            problems.add(new ParsedTurn.Problem("empty <tool_code> block", body));
            return;
        }
        List<JsonNode> values = readValues(json);
        if (values == null) values = readValues(PYTHON_LITERAL.matcher(json).replaceAll(m -> switch (m.group(1)) {
            case "True" -> "true";
            case "False" -> "false";
            default -> "null";
        }));
        if (values == null) values = readValues(balance(json));
        if (values == null) {
            problems.add(new ParsedTurn.Problem("the <tool_code> block is not valid JSON", abbreviate(body)));
            return;
        }
        for (JsonNode v : values) {
            if (v.isArray()) {
                for (JsonNode item : v) addCall(item, body, calls, problems);
            } else {
                addCall(v, body, calls, problems);
            }
        }
    }

    private static void addCall(JsonNode node, String body, List<ParsedTurn.Call> calls, List<ParsedTurn.Problem> problems) {
        if (!node.isObject()) {
            problems.add(new ParsedTurn.Problem("expected a JSON object with \"tool_name\" and \"parameters\"", abbreviate(body)));
            return;
        }
        JsonNode call = node.has("function") && node.get("function").isObject() ? node.get("function") : node;
        String name = firstText(call, "tool_name", "name", "tool", "function", "tool_code");
        if (name == null || name.isBlank()) {
            problems.add(new ParsedTurn.Problem("missing \"tool_name\"", abbreviate(body)));
            return;
        }
        JsonNode params = first(call, "parameters", "arguments", "args", "params", "input");
        if (params != null && params.isTextual()) {
            List<JsonNode> inner = readValues(params.textValue());
            params = inner != null && inner.size() == 1 ? inner.getFirst() : params;
        }
        if (params == null || params.isNull()) {
            params = Json.object();
        } else if (!params.isObject()) {
            problems.add(new ParsedTurn.Problem("\"parameters\" of " + name + " must be a JSON object", abbreviate(body)));
            return;
        }
        calls.add(new ParsedTurn.Call(name.strip(), (ObjectNode) params));
    }

    private static String firstText(JsonNode node, String... names) {
        JsonNode v = first(node, names);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static JsonNode first(JsonNode node, String... names) {
        for (String n : names) if (node.has(n)) return node.get(n);
        return null;
    }

    /** All JSON values in the text (several objects may follow each other), or null if any is broken. */
    private static List<JsonNode> readValues(String text) {
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser p = LENIENT.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return null;
                values.add(LENIENT.readTree(p));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return values.isEmpty() ? null : values;
    }

    /** Appends the closing braces/brackets a truncated JSON text is missing (strings respected). */
    static String balance(String json) {
        StringBuilder closers = new StringBuilder();
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == quote) inString = false;
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{') closers.append('}');
            else if (c == '[') closers.append(']');
            else if ((c == '}' || c == ']') && !closers.isEmpty()) closers.deleteCharAt(closers.length() - 1);
        }
        String fixed = inString ? json + quote : json;
        return fixed + closers.reverse();
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 300 ? t : t.substring(0, 297) + "...";
    }
}
