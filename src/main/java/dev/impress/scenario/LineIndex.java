package dev.impress.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each JSON pointer of a document starts in its source text, so that errors found on the
 * parsed tree can name a line. Works for JSON and YAML alike (both are read as token streams).
 */
public final class LineIndex {
    private final java.util.function.Supplier<Map<String, Integer>> source;
    private final int offset;
    private volatile Map<String, Integer> lines;

    private LineIndex(java.util.function.Supplier<Map<String, Integer>> source, int offset) {
        this.source = source;
        this.offset = offset;
    }

    public static LineIndex none() {
        return new LineIndex(Map::of, 0);
    }

    /**
     * Indexes {@code text} with the factory's parser; {@code offset} is added to every line
     * (for a JSONL record that starts further down its file). The text is tokenised on the
     * first {@link #line} call: only documents with a problem to report ever need it, and
     * indexing every document of a library up front was a fifth of its loading time.
     */
    public static LineIndex of(JsonFactory factory, String text, int offset) {
        return new LineIndex(() -> index(factory, text), offset);
    }

    private static Map<String, Integer> index(JsonFactory factory, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) continue;
                // A container's start belongs to the slot that holds it (its parent's current path).
                var context = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent() : p.getParsingContext();
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // a parse error is reported separately; keep what was indexed
        }
        return lines;
    }

    private Map<String, Integer> lines() {
        Map<String, Integer> l = lines;
        if (l == null) lines = l = source.get(); // computing it twice in a race is harmless
        return l;
    }

    /** The line of the pointer, else of its nearest indexed parent, else 0 (unknown). */
    public int line(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Integer line = lines().get(p);
            if (line != null && line > 0) return line + offset;
            if (p.isEmpty()) return offset > 0 ? offset + 1 : 0;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
