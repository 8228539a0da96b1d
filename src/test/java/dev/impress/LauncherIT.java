package dev.impress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./impress launcher on this machine: it must find a JDK 25+ by itself whatever JAVA_HOME
 * says, and work from another directory and through a symlink. Runs after packaging
 * (failsafe), so the launcher finds a fresh jar and does not rebuild.
 */
class LauncherIT {
    static final Path LAUNCHER = Path.of("impress").toAbsolutePath();

    record Run(int code, String out) {}

    /**
     * The jar was just packaged; sources edited since (in a working copy) would make the launcher
     * rebuild, and its clean build would delete the reports of the run in progress.
     */
    @org.junit.jupiter.api.BeforeAll
    static void jarIsFresh() throws IOException {
        Path jar = Path.of("target/impress.jar");
        assertThat(jar).exists();
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
    }

    static Run run(Path command, Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        var cmd = new java.util.ArrayList<>(List.of(command.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void worksWithJavaHomeUnset(@TempDir Path elsewhere) throws Exception {
        Run r = run(LAUNCHER, elsewhere, Map.of(), "--version");
        assertThat(r.out()).contains("impress 0.");
        assertThat(r.code()).isZero();
    }

    @Test
    void ignoresAJavaHomeThatIsTooOld(@TempDir Path elsewhere) throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(jdk17), "no JDK 17 on this machine");
        Run r = run(LAUNCHER, elsewhere, Map.of("JAVA_HOME", jdk17.toString()), "--version");
        assertThat(r.out()).contains("impress 0.");
        assertThat(r.code()).isZero();
    }

    @Test
    void worksThroughASymlinkOnPath(@TempDir Path bin) throws Exception {
        Path link = Files.createSymbolicLink(bin.resolve("impress"), LAUNCHER);
        Run r = run(link, bin, Map.of(), "taxonomy", "--format", "json");
        assertThat(r.out()).contains("\"id\" : \"M1\"");
        assertThat(r.code()).isZero();
    }

    @Test
    void reportsClearlyWhenNoSuitableJdkExists(@TempDir Path empty) throws Exception {
        // Only the JDK finder is run here, with a PATH and JVM folder that hold no JDK 25.
        Path script = Path.of("scripts/find-jdk.sh").toAbsolutePath();
        String probe = ". '" + script + "'; PATH=/usr/bin:/bin; JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64; "
                + "IMPRESS_JVM_DIRS='" + empty + "' impress_find_jdk";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isNotZero();
        assertThat(out).contains("no JDK 25 or newer found", "JAVA_HOME");
    }
}
