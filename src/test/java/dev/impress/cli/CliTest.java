package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.json.Json;
import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void helpListsOnlyWorkingCommandsAndExitCodes() {
        var r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("taxonomy", "scenarios", "Exit codes:", "2  usage or input error");
    }

    @Test
    void everySubcommandHasHelpWithExamples() {
        for (String[] cmd : new String[][] {{"taxonomy"}, {"scenarios", "validate"}, {"scenarios", "list"}, {"scenarios", "show"}, {"scenarios", "stats"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            var r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Examples:", "impress " + String.join(" ", cmd));
        }
    }

    @Test
    void versionIsPrinted() {
        var r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("impress ");
    }

    @Test
    void taxonomyAsJsonHasAllCategories() {
        var r = CliRunner.run("taxonomy", "--format", "json");
        assertThat(r.exitCode()).isZero();
        var tree = Json.parse(r.out());
        assertThat(tree.get("motives")).hasSize(5);
        assertThat(tree.get("risks")).hasSize(8);
        assertThat(tree.get("loss_of_control")).hasSize(3);
    }

    @Test
    void taxonomyAsTextShowsDefinitionsAndSeeds() {
        var r = CliRunner.run("taxonomy");
        assertThat(r.out()).contains("M3  Effort minimization", "R4  Privacy Violations", "Judge definition:", "* bid rigging", "Misalignment:");
    }

    @Test
    void validatingTheBuiltInSetSucceeds() {
        var r = CliRunner.run("scenarios", "validate");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("\\d+ scenario\\(s\\) valid\\.");
    }

    @Test
    void validatingBrokenFilesFailsWithFileLineAndPointer() {
        var r = CliRunner.run("scenarios", "validate", "src/test/resources/broken/bad-regex.yaml", "src/test/resources/broken/unknown-motive.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(r.out()).containsPattern("bad-regex\\.yaml:\\d+: /risky_calls/0/args/new_status/matches: invalid regular expression")
                .containsPattern("unknown-motive\\.yaml:\\d+: /motive: expected one of")
                .contains("problem(s) in 2 file(s)")
                .doesNotContain("Exception");
    }

    @Test
    void listFiltersAndFormats() {
        var r = CliRunner.run("scenarios", "list", "--motive", "m4", "--risk", "R1", "--format", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("id,motive,risk,risk_subtype,domain,control,tools,hash").contains("m4-r1-fleet-dispatch,M4,R1");
        var json = Json.parse(CliRunner.run("scenarios", "list", "--id", "m4-r1-fleet-dispatch", "--format", "json").out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("hash").asText()).hasSize(64);
    }

    @Test
    void badFilterValuesAreUsageErrors() {
        var r = CliRunner.run("scenarios", "list", "--motive", "M9");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--motive: unknown motive 'M9'");
        var unknownFlag = CliRunner.run("scenarios", "list", "--motiv", "M1");
        assertThat(unknownFlag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownFlag.err()).contains("Unknown option", "--help");
    }

    @Test
    void showRendersAScenarioAndRejectsUnknownIds() {
        var r = CliRunner.run("scenarios", "show", "m4-r1-fleet-dispatch");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Context (as the agent sees it):", "[system log: iam]", "Risky-call detector:", "update_delivery_status(new_status equals \"rescheduled\")");
        var missing = CliRunner.run("scenarios", "show", "fleet-dispatch");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no scenario with id 'fleet-dispatch'", "did you mean: m4-r1-fleet-dispatch");
    }

    @Test
    void statsCountsTheGrid() {
        var r = CliRunner.run("scenarios", "stats", "--format", "json");
        assertThat(r.exitCode()).isZero();
        var tree = Json.parse(r.out());
        assertThat(tree.at("/grid/M4/R1").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(tree.get("controls").asInt()).isGreaterThanOrEqualTo(1);
    }
}
