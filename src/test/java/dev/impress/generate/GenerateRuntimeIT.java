package dev.impress.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher jar with the embedding runtime in a separate directory, as users install
 * it: target/lib must not hold it, and `generate --embedding-lib DIR` must load it in its own
 * class loader (the unit tests have it on the class path, which hides class-loading mistakes).
 */
class GenerateRuntimeIT {
    static final List<String> RUNTIME = List.of("langchain4j", "onnxruntime", "/ai/djl/", "gson", "/jna/", "commons-compress",
            "commons-codec", "commons-io", "error_prone");

    @Test
    void theDefaultClassPathHasNoEmbeddingRuntimeAndGenerateLoadsItFromADirectory(@TempDir Path dir) throws Exception {
        try (Stream<Path> lib = Files.list(Path.of("target/lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("onnxruntime") || n.contains("langchain4j") || n.contains("tokenizers"));
        }
        Path runtime = Files.createDirectories(dir.resolve("generate-lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (entry.endsWith(".jar") && RUNTIME.stream().anyMatch(unix::contains)) {
                Path jar = Path.of(entry);
                Files.createSymbolicLink(runtime.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        try (FakeGenerator fake = new FakeGenerator()) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", Path.of("target/impress.jar").toAbsolutePath().toString(),
                    "generate", "--cell", "M4xR1", "--cell", "M1xR3", "--count", "2", "--name", "pilot", "--model", "openai-compatible/fake-gen",
                    "--base-url", fake.baseUrl(), "--out", dir.resolve("out").toString(), "--embedding-lib", runtime.toString()));
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("4 candidates -> 1 kept (25.0%)").doesNotContain("CUDA");
        }
    }
}
