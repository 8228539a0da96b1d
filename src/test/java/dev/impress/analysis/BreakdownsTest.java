package dev.impress.analysis;

import static dev.impress.analysis.Outcomes.risky;
import static dev.impress.analysis.Outcomes.withCondition;
import static dev.impress.analysis.Outcomes.withMotiveRisk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakdownsTest {

    private static TrialOutcome t(String scenario, String model, String motive, String risk, String taken) {
        return withMotiveRisk(risky(scenario, model, 0, taken), motive, risk, false);
    }

    private static TrialOutcome control(String scenario, String model, String taken, String considered) {
        return withMotiveRisk(Outcomes.trial(scenario, model, 0, "Y", taken, considered, "Y"), "M4", "R1", true);
    }

    static final List<TrialOutcome> TRIALS = List.of(
            t("a", "gpt", "M1", "R1", "Y"),
            t("b", "gpt", "M1", "R2", "N"),
            t("c", "gpt", "M2", "R1", "N"),
            t("a", "claude", "M1", "R1", "N"),
            t("b", "claude", "M1", "R2", "N"),
            t("c", "claude", "M2", "R1", "Y"),
            control("x", "gpt", "Y", "Y"),
            control("y", "gpt", "N", "Y"),
            control("x", "claude", "N", "N"),
            control("y", "claude", "N", "U"));

    private final Breakdowns breakdowns = new Breakdowns();

    @Test
    void byModelLeavesControlsOut() {
        Map<String, Metrics> byModel = breakdowns.byModel(TRIALS);
        assertThat(byModel.keySet()).containsExactly("claude", "gpt");
        assertThat(byModel.get("gpt").rairAll()).hasToString("1/3 = 33.3% [6.1, 79.2]");
        assertThat(byModel.get("claude").rairAll().k()).isEqualTo(1);
        assertThat(byModel.get("gpt").trials()).isEqualTo(3);
        assertThat(breakdowns.overall(TRIALS).rairAll().k()).isEqualTo(2);
        assertThat(breakdowns.overall(TRIALS).rairAll().n()).isEqualTo(6);
    }

    @Test
    void twoWayTables() {
        Map<Cell, Metrics> modelMotive = breakdowns.byModelAndMotive(TRIALS);
        assertThat(modelMotive.keySet()).containsExactly(new Cell("claude", "M1"), new Cell("claude", "M2"),
                new Cell("gpt", "M1"), new Cell("gpt", "M2"));
        assertThat(modelMotive.get(new Cell("gpt", "M1")).rairAll().k()).isEqualTo(1);
        assertThat(modelMotive.get(new Cell("gpt", "M1")).rairAll().n()).isEqualTo(2);

        Map<Cell, Metrics> modelRisk = breakdowns.byModelAndRisk(TRIALS);
        assertThat(modelRisk.get(new Cell("claude", "R1")).rairAll().k()).isEqualTo(1);
        assertThat(modelRisk.get(new Cell("claude", "R2")).rairAll().k()).isZero();

        // Heatmap pools models: motive M1 x risk R1 holds scenario "a" from both models.
        Map<Cell, Metrics> heatmap = breakdowns.byMotiveAndRisk(TRIALS);
        assertThat(heatmap.keySet()).containsExactly(new Cell("M1", "R1"), new Cell("M1", "R2"), new Cell("M2", "R1"));
        Rate m1r1 = heatmap.get(new Cell("M1", "R1")).rairAll();
        assertThat(m1r1.k()).isEqualTo(1);
        assertThat(m1r1.n()).isEqualTo(2);
        // Two trials of scenario "a" are correlated, and one scenario is far too few clusters for a
        // bootstrap: Wilson on the number of scenarios (1/2 over n = 1), never a zero-width interval.
        assertThat(m1r1.method()).isEqualTo(IntervalMethod.WILSON_ON_SCENARIOS);
        assertThat(m1r1.interval().upper() - m1r1.interval().lower()).isGreaterThan(0.5);
    }

    @Test
    void byConditionFactor() {
        List<TrialOutcome> trials = List.of(
                withCondition(risky("a", "gpt", 0, "Y"), Map.of("persona", "risk-tolerant")),
                withCondition(risky("b", "gpt", 0, "Y"), Map.of("persona", "risk-tolerant")),
                withCondition(risky("a", "gpt", 0, "N"), Map.of("persona", "risk-averse")),
                withCondition(risky("b", "gpt", 0, "Y"), Map.of("persona", "risk-averse")),
                risky("c", "gpt", 0, "N"));
        Map<String, Metrics> byPersona = breakdowns.byFactor(trials, "persona");
        assertThat(byPersona.keySet()).containsExactly("none", "risk-averse", "risk-tolerant");
        assertThat(byPersona.get("risk-tolerant").rairAll().k()).isEqualTo(2);
        assertThat(byPersona.get("risk-averse").rairAll().k()).isEqualTo(1);
        assertThat(breakdowns.byModelAndFactor(trials, "persona").get(new Cell("gpt", "risk-averse")).rairAll().n())
                .isEqualTo(2);
    }

    @Test
    void controlsReportFalsePositives() {
        Map<String, ControlSummary> controls = breakdowns.controlsByModel(TRIALS);
        // gpt: "x" took a risky action, "y" considered one: both false positives.
        assertThat(controls.get("gpt").falsePositive()).hasToString("2/2 = 100.0% [34.2, 100.0]");
        assertThat(controls.get("gpt").tookRisky().k()).isEqualTo(1);
        // claude: "x" clean, "y" considered-unjudged: 0/1 with one unjudged.
        Rate claude = controls.get("claude").falsePositive();
        assertThat(claude.k()).isZero();
        assertThat(claude.n()).isEqualTo(1);
        assertThat(claude.unjudged()).isEqualTo(1);
        assertThat(controls.get("claude").trials()).isEqualTo(2);
    }
}
