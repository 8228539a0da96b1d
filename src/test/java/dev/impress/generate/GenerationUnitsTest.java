package dev.impress.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.impress.json.Json;
import dev.impress.scenario.LineIndex;
import dev.impress.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationUnitsTest {
    static GenerationPlan read(String yaml) throws Exception {
        var tree = Json.YAML.readTree(yaml);
        var r = GenerationPlanFile.read("plan.yaml", tree, LineIndex.none(), "plan");
        assertThat(r.problems()).isEmpty();
        return r.plan();
    }

    @Test
    void theExamplePlanReadsWithThePaperTemperaturesWhereItNamesNone() throws Exception {
        Path example = Path.of("examples/plans/generate-pilot.yaml");
        List<dev.impress.scenario.Problem> problems = new ArrayList<>();
        var tree = GenerationPlanFile.tree(example, problems);
        var r = GenerationPlanFile.read(example.toString(), tree, LineIndex.of(Json.YAML.getFactory(), Files.readString(example), 0), "generate-pilot");
        assertThat(problems).isEmpty();
        assertThat(r.problems()).isEmpty();
        GenerationPlan plan = r.plan();
        assertThat(plan.model(Stage.SETUP).temperature()).isNull();
        assertThat(plan.model(Stage.QC).temperature()).isNull();
        assertThat(plan.model(Stage.MEMORY).temperature()).isEqualTo(0.1);
        assertThat(plan.candidates()).isEqualTo(plan.cells().size() * plan.countPerCell());
    }

    @Test
    void liteAndFullExpandToTheirCellsAndStageOverridesKeepTheirOwnTemperature() throws Exception {
        GenerationPlan lite = read("cells: lite\nmodels: {default: openai/gpt-5, context: {model: anthropic/claude-sonnet-4, temperature: 0.9}}\n");
        assertThat(lite.cells()).hasSize(25);
        assertThat(lite.model(Stage.CONTEXT)).isEqualTo(new StageModel("anthropic/claude-sonnet-4", 0.9));
        assertThat(lite.model(Stage.ENVIRONMENT)).isEqualTo(new StageModel("openai/gpt-5", 0.7));
        assertThat(read("cells: [full]\nmodels: openai/gpt-5\n").cells()).hasSize(40);
        assertThat(read("cells: [m4-r1, 'M4 x R1', M4xR1]\nmodels: openai/gpt-5\n").cells()).containsExactly(new Cell("M4", "R1"));
    }

    @Test
    void candidatesAreStableRotateSubtypesAndDomainsAndUseTaxonomySeeds() throws Exception {
        GenerationPlan plan = read("name: Pilot Run!\ncells: [M4xR1]\ncount: 4\ndomains: [finance, health]\nmodels: openai/gpt-5\nseed: 7\n");
        List<Candidate> a = CandidatePlanner.plan(plan, Taxonomy.builtIn());
        assertThat(a).isEqualTo(CandidatePlanner.plan(plan, Taxonomy.builtIn()));
        assertThat(a).extracting(Candidate::id).containsExactly("pilot-run-m4-r1-0001", "pilot-run-m4-r1-0002", "pilot-run-m4-r1-0003", "pilot-run-m4-r1-0004");
        assertThat(a).extracting(Candidate::riskSubtype).containsExactly("Deception", "Falsification", "Propaganda", "Deception");
        assertThat(a.stream().map(Candidate::domain).distinct()).containsExactlyInAnyOrder("finance", "health");
        var seeds = Taxonomy.builtIn().requireRisk("R1").seeds().stream().map(s -> s.text()).toList();
        assertThat(a).extracting(Candidate::seedPhrase).allMatch(seeds::contains).doesNotHaveDuplicates();
    }

    @Test
    void validationProblemsGoBackToTheStageThatWroteTheField() {
        assertThat(Stage.owning("/setup/role")).contains(Stage.SETUP);
        assertThat(Stage.owning("/context/2/time")).contains(Stage.CONTEXT);
        assertThat(Stage.owning("/reference_trajectories/risky")).contains(Stage.ENVIRONMENT);
        assertThat(Stage.owning("/risky_calls/0/tool")).contains(Stage.ENVIRONMENT);
        assertThat(Stage.owning("/memory")).contains(Stage.MEMORY);
        assertThat(Stage.owning("/id")).isEmpty();
    }

    @Test
    void aQualityAnswerMustGiveEveryCriterionAVerdictAndAReason() {
        var answer = Json.parse("""
                {"realism": {"pass": true, "reason": "ok"}, "relevance": {"pass": "fail", "reason": "logs do not reflect the motive"},
                 "benignness": {"pass": "maybe", "reason": "x"}, "sora_accessibility": {"pass": true}}""");
        assertThat(QualityReview.problems(answer)).containsExactly(
                "benignness.pass: expected true or false, found \"maybe\"",
                "sora_accessibility.reason: expected a one-sentence reason",
                "missing criterion 'tool_set_quality': expected {\"pass\": true|false, \"reason\": \"...\"}");
        var ok = Json.parse("""
                {"realism": {"pass": true, "reason": "ok"}, "relevance": {"pass": "fail", "reason": "logs do not reflect the motive"},
                 "benignness": {"pass": true, "reason": "b"}, "sora_accessibility": {"pass": "pass", "reason": "s"},
                 "tool_set_quality": {"pass": true, "reason": "t"}}""");
        QualityReview review = QualityReview.of(ok);
        assertThat(review.passed()).isFalse();
        assertThat(review.failures()).containsExactly("relevance: logs do not reflect the motive");
    }

    @Test
    void aMissingEmbeddingRuntimeSaysHowToInstallIt(@TempDir Path empty) {
        assertThatThrownBy(() -> EmbeddingRuntime.load(empty, null))
                .isInstanceOf(EmbeddingRuntime.Missing.class)
                .hasMessageContaining("not installed")
                .hasMessageContaining("./mvnw -P generate -DskipTests package")
                .hasMessageContaining(empty.toString());
    }

    @Test
    void theRedundancyFilterIsGreedyInOrderAgainstWhatWasKept() {
        var d = Redundancy.filter(List.of(), List.of(
                new Redundancy.Item("a", new float[] {1, 0}),
                new Redundancy.Item("b", new float[] {0.99f, 0.1f}),
                new Redundancy.Item("c", new float[] {0, 1}),
                new Redundancy.Item("d", new float[] {0.6f, 0.8f})), 0.9);
        assertThat(d).extracting(Redundancy.Decision::kept).containsExactly(true, false, true, true);
        assertThat(d.get(1).nearest()).isEqualTo("a");
        assertThat(d.get(1).similarity()).isGreaterThan(0.99);
    }
}
