package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where generation keeps its state so that a killed run continues where it stopped: one folder
 * per candidate holding each stage's answer ({@code setup.json}...), the validated scenario
 * ({@code validated.json}), the QC review ({@code qc.json}) and a terminal rejection
 * ({@code rejected.json}). Every file is written to a temporary name and moved into place, so a
 * kill leaves either the old state or the new one, never half a file.
 */
public final class WorkDir {
    private final Path root;

    public WorkDir(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Optional<StageRecord> stage(String candidate, Stage stage) {
        return read(candidate, stage.key()).map(StageRecord::fromJson);
    }

    public void saveStage(String candidate, StageRecord record) {
        write(candidate, record.stage().key(), record.toJson());
    }

    public Optional<JsonNode> validated(String candidate) {
        return read(candidate, "validated");
    }

    public void saveValidated(String candidate, JsonNode scenario) {
        write(candidate, "validated", scenario);
    }

    public Optional<Rejection> rejection(String candidate) {
        return read(candidate, "rejected").map(Rejection::fromJson);
    }

    public void saveRejection(Rejection r) {
        write(r.candidate(), "rejected", r.toJson());
    }

    private Optional<JsonNode> read(String candidate, String name) {
        Path file = root.resolve(candidate).resolve(name + ".json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            // Only a file written outside IMPRESS can be broken (ours are moved into place whole): redo that step.
            return Optional.empty();
        }
    }

    private void write(String candidate, String name, JsonNode content) {
        try {
            Path dir = Files.createDirectories(root.resolve(candidate));
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.writeString(tmp, Json.writePretty(content));
            try {
                Files.move(tmp, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generation state in " + root + ": " + e.getMessage(), e);
        }
    }
}
