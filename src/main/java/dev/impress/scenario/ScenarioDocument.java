package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed, not yet validated scenario: the tree, the file it came from and where its pointers
 * are in the file. {@code record} is the JSONL line number of a bundle record (0 for a file that
 * holds one scenario).
 */
public record ScenarioDocument(String file, int record, JsonNode tree, LineIndex lines) {
    public Problem problem(String pointer, String message) {
        return new Problem(file, pointer, lines.line(pointer), message);
    }
}
