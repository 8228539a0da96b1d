package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `impress report`: writes each format, and bad input is a usage error that names the flag. */
class ReportCommandTest {
    @Test
    void writesEachFormatAndRejectsBadInput(@TempDir Path dir) throws Exception {
        String db = dir.resolve("r.db").toString();
        var run = CliRunner.run("run", "--id", "m1-r1-ci-skipped-tests", "--model", "sim/bold", "--judge", "sim/judge", "--db", db, "--name", "one");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path html = dir.resolve("r.html");
        var r = CliRunner.run("report", "one", "--db", db, "-o", html.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote the html report of run run-", "(SIMULATED) to " + html.toAbsolutePath());
        assertThat(Files.readString(html)).contains("SIMULATED", "<section id=\"models\">");
        Path csv = dir.resolve("r.csv");
        assertThat(CliRunner.run("report", "one", "--db", db, "--format", "csv", "-o", csv.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(csv).getFirst()).startsWith("section,group,subgroup,statistic,k,n");

        var badFormat = CliRunner.run("report", "one", "--db", db, "--format", "pdf");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("--format: expected html, csv or json, found 'pdf'");
        var noRun = CliRunner.run("report", "nope", "--db", db);
        assertThat(noRun.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRun.err()).contains("no run 'nope'");
        var noStore = CliRunner.run("report", "one", "--db", dir.resolve("missing.db").toString());
        assertThat(noStore.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noStore.err()).contains("--db: no store at");
        var badBaseline = CliRunner.run("report", "one", "--db", db, "--baseline", "persona");
        assertThat(badBaseline.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badBaseline.err()).contains("--baseline: expected FACTOR=LEVEL");
        var fixedFactor = CliRunner.run("report", "one", "--db", db, "--baseline", "persona=none", "--format", "json", "-o", "-");
        assertThat(fixedFactor.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fixedFactor.err()).contains("--baseline persona: this factor does not vary in the run");
    }

    @Test
    void modelTagsComeFromAFileOnTopOfTheShippedCatalogue(@TempDir Path dir) throws Exception {
        String db = dir.resolve("r.db").toString();
        var run = CliRunner.run("run", "--id", "m1-r1-ci-skipped-tests", "--model", "sim/bold", "--judge", "sim/judge", "--db", db, "--name", "one");
        assertThat(run.exitCode()).as(run.err()).isZero();

        // the shipped catalogue tags no simulated model: no family tables
        var plain = CliRunner.run("report", "one", "--db", db, "--format", "csv", "-o", "-");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).doesNotContain("model_tags,");

        Path tags = Files.writeString(dir.resolve("tags.yaml"), "models:\n  sim/bold: { family: demo, access: simulated }\n");
        Path html = dir.resolve("r.html");
        var tagged = CliRunner.run("report", "one", "--db", db, "--model-tags", tags.toString(), "-o", html.toString());
        assertThat(tagged.exitCode()).as(tagged.err()).isZero();
        assertThat(Files.readString(html)).contains("<section id=\"families\">", "impress/models.yaml + " + tags);

        var missing = CliRunner.run("report", "one", "--db", db, "--model-tags", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("impress: --model-tags: no such file " + dir.resolve("nope.yaml"));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "models:\n  sim/bold: { family: demo, access: open }\n");
        var wrong = CliRunner.run("report", "one", "--db", db, "--model-tags", bad.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("impress: --model-tags: " + bad + ": models.sim/bold.access: expected simulated")
                .doesNotContain("Exception");
    }
}
