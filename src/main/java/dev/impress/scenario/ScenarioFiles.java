package dev.impress.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads scenario files: {@code .yaml}/{@code .yml} and {@code .json} hold one scenario,
 * {@code .jsonl} a bundle (one scenario per line). Directories are read recursively. Nothing is
 * validated here beyond parsing; every problem found is collected, none is thrown.
 */
public final class ScenarioFiles {
    private ScenarioFiles() {}

    public record Parsed(List<ScenarioDocument> documents, List<Problem> problems) {}

    /** Parses every scenario file under the given paths (files or directories). */
    public static Parsed read(List<Path> paths) {
        List<ScenarioDocument> docs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new Problem(path.toString(), "", 0, "no such file or directory"));
            } else if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).filter(ScenarioFiles::isScenarioFile).sorted().toList();
                } catch (IOException e) {
                    problems.add(new Problem(path.toString(), "", 0, "cannot list directory: " + e.getMessage()));
                    continue;
                }
                if (files.isEmpty()) problems.add(new Problem(path.toString(), "", 0, "no scenario files (.yaml, .yml, .json, .jsonl) in this directory"));
                for (Path f : files) readFile(f, docs, problems);
            } else {
                readFile(path, docs, problems);
            }
        }
        return new Parsed(docs, problems);
    }

    public static boolean isScenarioFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".jsonl");
    }

    private static void readFile(Path path, List<ScenarioDocument> docs, List<Problem> problems) {
        String name = path.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(name, "", 0, "not UTF-8 text"));
            return;
        } catch (IOException e) {
            problems.add(new Problem(name, "", 0, "cannot read: " + e.getMessage()));
            return;
        }
        parseText(name, text, docs, problems);
    }

    /** Parses one file's text; the file name's extension decides the format. */
    public static void parseText(String name, String text, List<ScenarioDocument> docs, List<Problem> problems) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl")) {
            String[] lines = text.split("\r?\n", -1);
            int records = 0;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                records++;
                parseOne(name, i + 1, lines[i], Json.MAPPER.getFactory(), i, docs, problems);
            }
            if (records == 0) problems.add(new Problem(name, "", 0, "empty file: expected one scenario per line"));
        } else if (lower.endsWith(".json")) {
            parseOne(name, 0, text, Json.MAPPER.getFactory(), 0, docs, problems);
        } else {
            parseOne(name, 0, text, Json.YAML.getFactory(), 0, docs, problems);
        }
    }

    private static void parseOne(String name, int record, String text, JsonFactory factory, int lineOffset,
                                 List<ScenarioDocument> docs, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(new Problem(name, "", 0, "empty file: expected a scenario (a mapping with id, motive, risk, ...)"));
            return;
        }
        var mapper = factory == Json.YAML.getFactory() ? Json.YAML : Json.MAPPER;
        List<JsonNode> roots = new ArrayList<>();
        // Read tree by tree (not readValues, which would unwrap a root-level list into items).
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.createParser(text)) {
            while (parser.nextToken() != null) roots.add(mapper.readTree(parser));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr() + lineOffset;
            String message = firstLine(e.getOriginalMessage());
            if (message.contains("mapping values are not allowed")) message += " (quote text that contains \": \")";
            problems.add(new Problem(name, "", line, "cannot parse " + formatName(factory, record) + ": " + message));
            return;
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(name, "", lineOffset, "cannot parse: " + firstLine(String.valueOf(e.getMessage()))));
            return;
        }
        roots.removeIf(n -> n == null || n.isMissingNode() || n.isNull());
        if (roots.isEmpty()) {
            problems.add(new Problem(name, "", lineOffset, "empty file: expected a scenario (a mapping with id, motive, risk, ...)"));
            return;
        }
        if (roots.size() > 1) {
            problems.add(new Problem(name, "", lineOffset, "holds " + roots.size() + " documents: put one scenario per YAML/JSON file, or use a .jsonl bundle"));
            return;
        }
        JsonNode root = roots.getFirst();
        if (!root.isObject()) {
            problems.add(new Problem(name, "", lineOffset > 0 ? lineOffset + 1 : 1,
                    "expected a scenario mapping (id, motive, risk, ...), found " + kind(root)));
            return;
        }
        docs.add(new ScenarioDocument(name, record, root, LineIndex.of(factory, text, lineOffset)));
    }

    private static String formatName(JsonFactory factory, int record) {
        if (record > 0) return "JSONL record";
        return factory == Json.YAML.getFactory() ? "YAML" : "JSON";
    }

    static String kind(JsonNode node) {
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "a string";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "a boolean";
        if (node.isNull()) return "null";
        return "an object";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
