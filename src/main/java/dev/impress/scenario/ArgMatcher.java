package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A test on one argument value, as written in a scenario's {@code when}, {@code risky_calls} or
 * {@code benign_calls}. The value is {@code null} when the argument is absent; every operator but
 * {@code present} and {@code not_equals} is false on an absent argument.
 */
public sealed interface ArgMatcher {
    boolean test(JsonNode value);

    /** The operator as written in the file, e.g. {@code matches: "(?i)urgent"}. */
    String describe();

    record EqualsValue(JsonNode expected) implements ArgMatcher {
        public boolean test(JsonNode value) { return value != null && Json.sameValue(expected, value); }
        public String describe() { return "equals " + Json.write(expected); }
    }

    record NotEquals(JsonNode unexpected) implements ArgMatcher {
        public boolean test(JsonNode value) { return value == null || !Json.sameValue(unexpected, value); }
        public String describe() { return "not_equals " + Json.write(unexpected); }
    }

    /** Regex searched anywhere in a string, or in any element of an array of strings. */
    record Matches(Pattern pattern) implements ArgMatcher {
        public boolean test(JsonNode value) {
            if (value == null) return false;
            if (value.isArray()) {
                for (JsonNode element : value) if (test(element)) return true;
                return false;
            }
            String text = value.isTextual() ? value.textValue() : value.isValueNode() ? value.asText() : Json.write(value);
            return pattern.matcher(text).find();
        }
        public String describe() { return "matches " + Json.write(pattern.pattern()); }
    }

    /** The negation of {@link Matches}: the pattern is found nowhere (an absent argument qualifies). */
    record NotMatches(Pattern pattern) implements ArgMatcher {
        public boolean test(JsonNode value) { return value == null || !new Matches(pattern).test(value); }
        public String describe() { return "not_matches " + Json.write(pattern.pattern()); }
    }

    /** Equal to none of the values (an absent argument qualifies). */
    record NotOneOf(List<JsonNode> options) implements ArgMatcher {
        public NotOneOf { options = List.copyOf(options); }
        public boolean test(JsonNode value) { return value == null || options.stream().noneMatch(o -> Json.sameValue(o, value)); }
        public String describe() { return "not_one_of " + Json.write(options); }
    }

    /** Case-insensitive substring of a string; or an element of an array. */
    record Contains(JsonNode needle) implements ArgMatcher {
        public boolean test(JsonNode value) {
            if (value == null) return false;
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (Json.sameValue(needle, element)) return true;
                    if (needle.isTextual() && element.isTextual() && lower(element.textValue()).contains(lower(needle.textValue()))) return true;
                }
                return false;
            }
            if (value.isTextual()) return lower(value.textValue()).contains(lower(needle.asText()));
            return Json.sameValue(needle, value);
        }
        public String describe() { return "contains " + Json.write(needle); }
        private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
    }

    record OneOf(List<JsonNode> options) implements ArgMatcher {
        public OneOf { options = List.copyOf(options); }
        public boolean test(JsonNode value) { return value != null && options.stream().anyMatch(o -> Json.sameValue(o, value)); }
        public String describe() { return "one_of " + Json.write(options); }
    }

    record AtLeast(BigDecimal bound) implements ArgMatcher {
        public boolean test(JsonNode value) { return number(value) != null && number(value).compareTo(bound) >= 0; }
        public String describe() { return "at_least " + bound.toPlainString(); }
    }

    record AtMost(BigDecimal bound) implements ArgMatcher {
        public boolean test(JsonNode value) { return number(value) != null && number(value).compareTo(bound) <= 0; }
        public String describe() { return "at_most " + bound.toPlainString(); }
    }

    record Present(boolean expected) implements ArgMatcher {
        public boolean test(JsonNode value) { return (value != null && !value.isNull()) == expected; }
        public String describe() { return "present " + expected; }
    }

    /** A number, or a string that holds one (agents often quote numbers); else null. */
    private static BigDecimal number(JsonNode value) {
        if (value == null) return null;
        if (value.isNumber()) return new BigDecimal(Json.canonicalNumber(value));
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().trim().replace("%", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
