package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field checks for YAML/JSON input files (experiment and generation plans): each finding is a
 * {@link Problem} with file, line and JSON pointer, collected rather than thrown, so that a user
 * sees every problem of a file at once.
 */
public record FieldChecker(String file, LineIndex lines, List<Problem> problems) {
    public void problem(String pointer, String message) {
        problems.add(new Problem(file, pointer, lines.line(pointer), message));
    }

    /** Reports fields of {@code node} that are not in {@code allowed} (typos, mostly). */
    public void known(JsonNode node, String pointer, Set<String> allowed) {
        if (!node.isObject()) {
            problem(pointer, "expected a mapping");
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) problem(pointer + "/" + k, "unknown field '" + k + "'; expected one of " + new TreeSet<>(allowed));
        }
    }

    /** A whole number of at least {@code min} at the pointer, or {@code otherwise} when absent. */
    public int integer(JsonNode root, String pointer, int otherwise, int min) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode() || n.isNull()) return otherwise;
        if (!n.isIntegralNumber() || n.asInt() < min) {
            problem(pointer, "expected a whole number of at least " + min + ", found " + n);
            return otherwise;
        }
        return n.asInt();
    }

    /** A list of strings (a single string counts as a list of one), or {@code otherwise} when absent. */
    public List<String> strings(JsonNode root, String pointer, List<String> otherwise) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode() || n.isNull()) return otherwise;
        if (n.isTextual()) return List.of(n.asText());
        if (!n.isArray()) {
            problem(pointer, "expected a list of strings");
            return otherwise == null ? List.of() : otherwise;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) problem(pointer + "/" + i, "expected a string, found " + n.get(i));
            else out.add(n.get(i).asText());
        }
        if (out.isEmpty() && otherwise != null) problem(pointer, "expected at least one value");
        return out;
    }
}
