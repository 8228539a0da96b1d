package dev.impress.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where scenarios come from: the built-in set shipped as resources under
 * {@code impress/scenarios/}, its named subsets, or files and directories the user names.
 *
 * <ul>
 *   <li>{@code full}: every built-in scenario, controls included;</li>
 *   <li>{@code lite}: built-in scenarios of R1-R5 (IMPRESS-lite, as in the paper) and their controls;</li>
 *   <li>{@code controls}: the built-in benign controls only;</li>
 *   <li>anything else: a path (file or directory), read with {@link ScenarioFiles}.</li>
 * </ul>
 */
public final class ScenarioLibrary {
    public static final String BUILT_IN_ROOT = "/impress/scenarios";
    public static final List<String> SET_NAMES = List.of("full", "lite", "controls");

    private ScenarioLibrary() {}

    /** Reads and validates the built-in set; a problem in it is a packaging bug, reported like any other. */
    public static ScenarioValidator.Report builtIn(ScenarioValidator validator) {
        List<ScenarioDocument> docs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        forEachBuiltInFile((name, text) -> ScenarioFiles.parseText(name, text, docs, problems));
        ScenarioValidator.Report report = validator.validate(docs);
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(report.problems());
        return new ScenarioValidator.Report(report.scenarios(), all, docs.size() + problems.size());
    }

    /** Loads a named set or the scenario files under the given paths, validated. */
    public static ScenarioValidator.Report load(List<String> specs, ScenarioValidator validator) {
        List<java.nio.file.Path> paths = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (String spec : specs) {
            if (SET_NAMES.contains(spec) && !Files.exists(Path.of(spec))) sets.add(spec);
            else paths.add(Path.of(spec));
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int documents = 0;
        if (!sets.isEmpty()) {
            ScenarioValidator.Report builtIn = builtIn(validator);
            problems.addAll(builtIn.problems());
            documents += builtIn.documents();
            for (Scenario s : builtIn.scenarios()) {
                if (sets.stream().anyMatch(set -> inSet(set, s)) && !scenarios.contains(s)) scenarios.add(s);
            }
        }
        if (!paths.isEmpty()) {
            ScenarioValidator.Report fromFiles = validator.validatePaths(paths);
            problems.addAll(fromFiles.problems());
            documents += fromFiles.documents();
            scenarios.addAll(fromFiles.scenarios());
        }
        return new ScenarioValidator.Report(scenarios, problems, documents);
    }

    public static boolean inSet(String set, Scenario s) {
        return switch (set) {
            case "full" -> true;
            case "lite" -> s.lite();
            case "controls" -> s.control();
            default -> throw new IllegalArgumentException("unknown scenario set '" + set + "': expected one of " + SET_NAMES);
        };
    }

    private interface FileConsumer {
        void accept(String name, String text);
    }

    private static void forEachBuiltInFile(FileConsumer consumer) {
        URL url = ScenarioLibrary.class.getResource(BUILT_IN_ROOT);
        if (url == null) return;
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    readTree(fs.getPath(BUILT_IN_ROOT), consumer);
                }
            } else {
                readTree(Path.of(uri), consumer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in scenarios", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readTree(Path root, FileConsumer consumer) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(ScenarioFiles::isScenarioFile).sorted().toList();
        }
        for (Path f : files) {
            String relative = root.relativize(f).toString().replace('\\', '/');
            consumer.accept("builtin:" + relative, Files.readString(f, StandardCharsets.UTF_8));
        }
    }
}
