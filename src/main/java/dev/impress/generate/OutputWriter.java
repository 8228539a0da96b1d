package dev.impress.generate;

import dev.impress.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a run's result into the output directory {@code OUT}: one YAML file per kept scenario
 * in {@code OUT/scenarios/} ({@code ID.yaml}, ready for {@code impress scenarios validate} and
 * {@code impress run}) and {@code OUT/rejections.jsonl}, one rejection per line. The log and the
 * work state sit beside the scenarios, not among them, because scenario loaders read every
 * .json/.jsonl file under a directory. The directory always shows the state of the last run: a
 * file of this plan's candidates that is no longer kept is removed; other files are left alone.
 */
public final class OutputWriter {
    public static final String REJECTIONS = "rejections.jsonl";
    public static final String SCENARIOS = "scenarios";
    public static final String WORK = "work";

    private OutputWriter() {}

    public static void write(Path out, GenerationResult result) {
        try {
            Path scenarios = Files.createDirectories(out.resolve(SCENARIOS));
            Set<String> kept = new HashSet<>();
            for (GenerationResult.Kept k : result.kept()) {
                kept.add(k.candidate().id());
                atomically(scenarios.resolve(k.candidate().id() + ".yaml"), Json.YAML.writeValueAsString(k.scenario()));
            }
            for (Candidate c : result.candidates()) {
                if (!kept.contains(c.id())) Files.deleteIfExists(scenarios.resolve(c.id() + ".yaml"));
            }
            StringBuilder log = new StringBuilder();
            for (Rejection r : result.rejections()) log.append(Json.write(r.toJson())).append('\n');
            atomically(out.resolve(REJECTIONS), log.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated scenarios to " + out + ": " + e.getMessage(), e);
        }
    }

    private static void atomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".write", ".tmp");
        Files.writeString(tmp, text);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
