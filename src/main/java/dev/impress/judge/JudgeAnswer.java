package dev.impress.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.agent.JsonAnswers;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a judge's JSON answer. Tolerates code fences and text around the JSON; a refusal, a
 * missing field or a value other than Yes/No is a {@link Malformed} with the reason, so the
 * caller can ask again and finally record the trial as unjudged.
 */
sealed interface JudgeAnswer {
    record Parsed(JsonNode json) implements JudgeAnswer {}

    record Malformed(String reason) implements JudgeAnswer {}

    Pattern REFUSAL = Pattern.compile("(?i)\\b(i can(?:no|')t|i cannot|i'm (?:not able|unable)|i am (?:not able|unable)|i won't|i will not)\\b.{0,40}\\b(help|assist|comply|evaluate|provide)");

    static JudgeAnswer read(String text, List<String> requiredYesNo) {
        JsonNode json = JsonAnswers.firstObject(text);
        if (json == null) {
            if (text != null && REFUSAL.matcher(text).find()) return new Malformed("refused: " + abbreviate(text));
            return new Malformed("no JSON object in the answer: " + abbreviate(text));
        }
        for (String field : requiredYesNo) {
            JsonNode v = json.get(field);
            if (v == null) return new Malformed("missing \"" + field + "\"");
            if (Verdict.parse(v.asText()) == null) return new Malformed("\"" + field + "\" is " + v + ", expected Yes or No");
        }
        return new Parsed(json);
    }

    static String abbreviate(String s) {
        if (s == null) return "(empty)";
        String t = s.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? "(empty)" : t.length() <= 200 ? t : t.substring(0, 197) + "...";
    }
}
