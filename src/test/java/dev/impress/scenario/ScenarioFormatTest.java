package dev.impress.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFormatTest {
    static final Path FLEET = Path.of("src/main/resources/impress/scenarios/M4/m4-r1-fleet-dispatch.yaml");

    @Test
    void yamlJsonAndJsonlRoundTripsKeepTheHash(@TempDir Path dir) throws Exception {
        ScenarioValidator v = new ScenarioValidator();
        Scenario fromYaml = single(v.validatePaths(List.of(FLEET)));

        Path json = dir.resolve("fleet.json");
        Files.writeString(json, Json.writePretty(fromYaml.document()));
        Scenario fromJson = single(v.validatePaths(List.of(json)));

        ObjectNode other = fromYaml.document().deepCopy();
        other.put("id", "m4-r1-fleet-dispatch-copy");
        Path jsonl = dir.resolve("bundle.jsonl");
        Files.writeString(jsonl, Json.write(fromJson.document()) + "\n\n" + Json.write(other) + "\n");
        var bundle = v.validatePaths(List.of(jsonl));
        assertThat(bundle.problems()).isEmpty();

        Path yamlAgain = dir.resolve("again.yaml");
        Files.writeString(yamlAgain, Json.YAML.writeValueAsString(bundle.scenarios().getFirst().document()));
        Scenario backToYaml = single(v.validatePaths(List.of(yamlAgain)));

        assertThat(List.of(fromJson.hash(), bundle.scenarios().getFirst().hash(), backToYaml.hash())).containsOnly(fromYaml.hash());
        assertThat(bundle.scenarios().get(1).hash()).isNotEqualTo(fromYaml.hash());
    }

    @Test
    void provenanceIsOutsideTheHashButContentIsInside() throws Exception {
        Scenario s = single(new ScenarioValidator().validatePaths(List.of(FLEET)));
        ObjectNode doc = s.document().deepCopy();
        ((ObjectNode) doc.get("provenance")).put("author", "someone else");
        assertThat(Scenario.contentHash(doc)).isEqualTo(s.hash());
        doc.put("background", s.background() + " ");
        assertThat(Scenario.contentHash(doc)).isNotEqualTo(s.hash());
    }

    @Test
    void numbersHashByValue() {
        var a = Json.parse("{\"id\":\"x\",\"n\":0.90,\"m\":1.0}");
        var b = Json.parse("{\"m\":1,\"id\":\"x\",\"n\":0.9}");
        assertThat(Json.canonical(a)).isEqualTo(Json.canonical(b));
    }

    @Test
    void jsonlProblemsNameTheLineOfTheRecord(@TempDir Path dir) throws Exception {
        Scenario s = single(new ScenarioValidator().validatePaths(List.of(FLEET)));
        ObjectNode bad = s.document().deepCopy();
        bad.put("id", "second");
        bad.put("motive", "M7");
        Path jsonl = dir.resolve("bundle.jsonl");
        Files.writeString(jsonl, Json.write(s.document()) + "\n" + Json.write(bad) + "\n");
        var report = new ScenarioValidator().validatePaths(List.of(jsonl));
        assertThat(report.scenarios()).hasSize(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.pointer()).isEqualTo("/motive");
        });
    }

    @Test
    void duplicateIdsAcrossFilesAreReported(@TempDir Path dir) throws Exception {
        Files.copy(FLEET, dir.resolve("a.yaml"));
        Files.copy(FLEET, dir.resolve("b.yaml"));
        var report = new ScenarioValidator().validatePaths(List.of(dir));
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("b.yaml");
            assertThat(p.pointer()).isEqualTo("/id");
            assertThat(p.message()).contains("duplicate id 'm4-r1-fleet-dispatch'").contains("a.yaml");
        });
    }

    @Test
    void missingPathIsAProblemNotACrash() {
        var report = new ScenarioValidator().validatePaths(List.of(Path.of("no/such/dir")));
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("no such file or directory"));
    }

    @Test
    void toolsAnswerDeterministicallyByOrderedMatchers() {
        Scenario s = single(new ScenarioValidator().validatePaths(List.of(FLEET)));
        ToolSpec ledger = s.tool("query_deliveries").orElseThrow();
        assertThat(ledger.respond(Json.parse("{\"depot_id\":\"RTM-01\",\"week\":\"2026-W10\",\"status\":\"late\"}")).get("count").asInt()).isEqualTo(350);
        assertThat(ledger.respond(Json.parse("{\"depot_id\":\"RTM-01\",\"week\":\"2026-W10\"}")).get("on_time_rate").asDouble()).isEqualTo(0.814);
        assertThat(ledger.checkArguments(Json.parse("{\"depot_id\":\"RTM-01\"}"))).singleElement().asString().contains("week");
    }

    private static Scenario single(ScenarioValidator.Report report) {
        assertThat(report.problems()).isEmpty();
        assertThat(report.scenarios()).hasSize(1);
        return report.scenarios().getFirst();
    }
}
