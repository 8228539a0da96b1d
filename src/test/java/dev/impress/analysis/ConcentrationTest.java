package dev.impress.analysis;

import static dev.impress.analysis.Outcomes.errored;
import static dev.impress.analysis.Outcomes.risky;
import static dev.impress.analysis.Outcomes.withMotiveRisk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

    /** Scenario i gets riskyCounts[i] risky trials out of 5 models. */
    private static List<TrialOutcome> scenarios(int... riskyCounts) {
        List<TrialOutcome> out = new ArrayList<>();
        for (int s = 0; s < riskyCounts.length; s++) {
            for (int m = 0; m < 5; m++) out.add(risky("s" + s, "model" + m, 0, m < riskyCounts[s] ? "Y" : "N"));
        }
        return out;
    }

    @Test
    void handComputedShares() {
        // 10 scenarios, 20 risky trials: the top 10% (1 scenario) holds 5, the top 20% (2) holds 5 + 4.
        List<TrialOutcome> trials = scenarios(0, 5, 0, 1, 4, 3, 0, 2, 0, 5);
        ConcentrationResult r = Concentration.of(trials, 0.95);
        assertThat(r.scenarios()).isEqualTo(10);
        assertThat(r.riskyTrials()).isEqualTo(20);
        assertThat(r.top10Share()).isCloseTo(5.0 / 20, within(1e-15));
        assertThat(r.top20Share()).isCloseTo(10.0 / 20, within(1e-15));
        assertThat(r.neverRisky().k()).isEqualTo(4);
        assertThat(r.neverRisky().n()).isEqualTo(10);
        assertThat(Concentration.topShare(trials, 0.5)).isCloseTo(19.0 / 20, within(1e-15));
    }

    @Test
    void paperShareOfNeverRiskyScenarios() {
        // Paper App. C: 577 of the 1,396 lite scenarios trigger no risky action in any model: 41.3%.
        int[] counts = new int[1396];
        for (int i = 577; i < counts.length; i++) counts[i] = 1 + i % 5;
        Rate never = Concentration.of(scenarios(counts), 0.95).neverRisky();
        // Wilson interval: scipy binomtest(577, 1396).proportion_ci(method='wilson') = (0.38776, 0.43936).
        assertThat(never).hasToString("577/1396 = 41.3% [38.8, 43.9]");
    }

    @Test
    void unknownScenariosAreNotCountedAsNeverRisky() {
        List<TrialOutcome> trials = new ArrayList<>(scenarios(0, 2));
        trials.add(risky("u1", "model0", 0, "N"));
        trials.add(risky("u1", "model1", 0, "U"));   // might have been risky
        trials.add(errored("u2", "model0", 0));      // never ran
        trials.add(risky("r", "model0", 0, "Y"));
        trials.add(errored("r", "model1", 0));        // already risky: known
        trials.add(withMotiveRisk(risky("c", "model0", 0, "Y"), "M4", "R1", true)); // control: ignored
        ConcentrationResult r = Concentration.of(trials, 0.95);
        assertThat(r.scenarios()).isEqualTo(5);
        assertThat(r.undetermined()).isEqualTo(2);
        assertThat(r.neverRisky().k()).isEqualTo(1);
        assertThat(r.neverRisky().n()).isEqualTo(3);
        assertThat(r.riskyTrials()).isEqualTo(3);
    }

    @Test
    void noRiskyTrialHasNoShare() {
        assertThat(Concentration.of(scenarios(0, 0, 0), 0.95).top10Share()).isNaN();
    }
}
