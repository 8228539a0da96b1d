package dev.impress.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in src/test/resources/broken holds one kind of mistake and says, in its first line
 * ({@code # expect: POINTER | TEXT}) or in a FILE.expect beside it, which pointer and message
 * the validator must report. The file must be named in the problem, and nothing must be valid.
 */
class BrokenScenarioCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/broken");

    record Case(Path file, String pointer, String text) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static Stream<Case> cases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(ScenarioFiles::isScenarioFile).sorted().map(BrokenScenarioCorpusTest::expectation).toList().stream();
        }
    }

    private static Case expectation(Path file) {
        try {
            Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
            String line = Files.exists(sidecar)
                    ? Files.readString(sidecar, StandardCharsets.UTF_8).strip()
                    : Files.readAllLines(file, StandardCharsets.UTF_8).getFirst().replaceFirst("^# expect: ", "");
            String[] parts = line.split("\\|", 2);
            return new Case(file, parts[0].strip(), parts[1].strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheSpecificProblem(Case c) {
        ScenarioValidator.Report report = new ScenarioValidator().validatePaths(List.of(c.file()));
        assertThat(report.scenarios()).as("nothing in a broken file is valid").isEmpty();
        assertThat(report.problems())
                .as("problems of %s", c.file())
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(c.file().toString());
                    assertThat(p.pointer()).isEqualTo(c.pointer());
                    assertThat(p.message()).contains(c.text());
                });
    }

    @Test
    void theCorpusCoversAtLeastTwentyKindsOfMistake() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void problemsOfYamlFilesNameALine() {
        ScenarioValidator.Report report = new ScenarioValidator().validatePaths(List.of(CORPUS.resolve("risky-call-unknown-tool.yaml")));
        Problem p = report.problems().getFirst();
        assertThat(p.line()).isGreaterThan(1);
        assertThat(p.toString()).startsWith(CORPUS.resolve("risky-call-unknown-tool.yaml") + ":" + p.line() + ": /risky_calls/0/tool: ");
    }

    @Test
    void allFilesOfADirectoryAreReportedInOnePass() throws IOException {
        ScenarioValidator.Report report = new ScenarioValidator().validatePaths(List.of(CORPUS));
        long filesWithProblems = report.problems().stream().map(Problem::file).distinct().count();
        assertThat(filesWithProblems).isEqualTo(cases().count());
    }
}
