package dev.impress.analysis;

import static dev.impress.analysis.Outcomes.risky;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelGroupsTest {
    private static final double EPS = 1e-12;

    /** Per-model metrics with these RAIR-all and RACR-all counts (k of n); the other rates are 0/0. */
    private static Metrics metrics(int rairK, int racrK, int n) {
        Rate none = Rate.wilson(0, 0);
        return new Metrics(n, n, 0, none, Rate.wilson(rairK, n), none, Rate.wilson(racrK, n), none, none, none);
    }

    private static final SortedMap<String, Metrics> BY_MODEL = new TreeMap<>(Map.of(
            "a1", metrics(2, 3, 10),   // RAIR 0.2,  RACR 0.3
            "a2", metrics(4, 6, 10),   // RAIR 0.4,  RACR 0.6
            "a3", metrics(3, 3, 10),   // RAIR 0.3,  RACR 0.3
            "b1", metrics(1, 2, 4),    // RAIR 0.25, RACR 0.5
            "c1", metrics(0, 0, 0)));  // nothing counted

    private static final Map<String, String> FAMILY = Map.of("a1", "A", "a2", "A", "a3", "A", "b1", "B", "c1", "C");
    private static final Map<String, String> ACCESS = Map.of("a1", "open", "a2", "open", "b1", "open", "a3", "proprietary");

    @Test
    void familyMeansAreUnweightedMeansOfPerModelRatesWithThePopulationVariance() {
        var families = ModelGroups.summarise(BY_MODEL, FAMILY, Map.of());
        assertThat(families.keySet()).containsExactly("A", "B", "C");
        ModelGroups.Group a = families.get("A");
        assertThat(a.models()).containsExactly("a1", "a2", "a3");
        assertThat(a.pooled()).isNull();
        // RAIR: (0.2 + 0.4 + 0.3) / 3 = 0.3; ((-0.1)^2 + 0.1^2 + 0^2) / 3 = 0.02 / 3
        assertThat(a.spread(Metric.RAIR_ALL).models()).isEqualTo(3);
        assertThat(a.spread(Metric.RAIR_ALL).mean()).isCloseTo(0.3, within(EPS));
        assertThat(a.spread(Metric.RAIR_ALL).variance()).isCloseTo(0.02 / 3, within(EPS));
        // RACR: (0.3 + 0.6 + 0.3) / 3 = 0.4; (0.01 + 0.04 + 0.01) / 3 = 0.02
        assertThat(a.spread(Metric.RACR_ALL).mean()).isCloseTo(0.4, within(EPS));
        assertThat(a.spread(Metric.RACR_ALL).variance()).isCloseTo(0.02, within(EPS));
        // the unweighted mean is not the pooled rate: b1 (n = 4) counts as much as a model with n = 10
        ModelGroups.Group b = families.get("B");
        assertThat(b.spread(Metric.RAIR_ALL).mean()).isCloseTo(0.25, within(EPS));
        assertThat(b.spread(Metric.RAIR_ALL).variance()).isZero();
        // a model with nothing counted is in the group but not in its mean
        ModelGroups.Group c = families.get("C");
        assertThat(c.models()).containsExactly("c1");
        assertThat(c.spread(Metric.RAIR_ALL).models()).isZero();
        assertThat(c.spread(Metric.RAIR_ALL).mean()).isNaN();
        assertThat(c.spread(Metric.RAIR_ALL).variance()).isNaN();
    }

    @Test
    void accessGroupsAndTheMeanIntraFamilyVariance() {
        var access = ModelGroups.summarise(BY_MODEL, ACCESS, Map.of());
        assertThat(access.keySet()).containsExactly("open", "proprietary");
        // open: 0.2, 0.4, 0.25 -> mean 0.85 / 3; deviations -1/12, 7/60, -1/30 -> squares sum 0.0216667
        ModelGroups.Spread open = access.get("open").spread(Metric.RAIR_ALL);
        assertThat(open.mean()).isCloseTo(0.85 / 3, within(EPS));
        assertThat(open.variance()).isCloseTo((1.0 / 144 + 49.0 / 3600 + 1.0 / 900) / 3, within(EPS));
        assertThat(access.get("proprietary").spread(Metric.RAIR_ALL).mean()).isCloseTo(0.3, within(EPS));

        var families = ModelGroups.summarise(BY_MODEL, FAMILY, Map.of());
        // only family A has two models with data: B has one, C none
        assertThat(ModelGroups.groupsWithSpread(families.values(), Metric.RAIR_ALL)).isEqualTo(1);
        assertThat(ModelGroups.meanVariance(families.values(), Metric.RAIR_ALL)).isCloseTo(0.02 / 3, within(EPS));
        assertThat(ModelGroups.meanVariance(List.of(families.get("B"), families.get("C")), Metric.RAIR_ALL)).isNaN();
    }

    @Test
    void spreadLeavesNaNRatesOut() {
        ModelGroups.Spread s = ModelGroups.Spread.of(0.1, Double.NaN, 0.3);
        assertThat(s.models()).isEqualTo(2);
        assertThat(s.mean()).isCloseTo(0.2, within(EPS));
        assertThat(s.variance()).isCloseTo(0.01, within(EPS));
        assertThat(ModelGroups.Spread.of().mean()).isNaN();
    }

    /**
     * The paper's Claude family (spec/paper.md 7.3, approximate RAIR 21.4, 19.5, 10.9): the
     * population variance, 0.0021, is near the paper's 0.0023; the sample variance would be 0.0031.
     */
    @Test
    void thePopulationVarianceIsTheOneNearThePapersFigures() {
        ModelGroups.Spread claude = ModelGroups.Spread.of(0.214, 0.195, 0.109);
        assertThat(claude.mean()).isCloseTo(0.172667, within(1e-6));
        assertThat(claude.variance()).isCloseTo(0.002087, within(1e-6));
    }

    @Test
    void pooledMetricsPoolTheGroupsTrialsWithTheUsualIntervalRule() {
        List<TrialOutcome> trials = new ArrayList<>();
        // three scenarios, two models of family A and one untagged model
        String[][] taken = {{"Y", "N", "N"}, {"Y", "Y", "N"}, {"Y", "Y", "Y"}};
        String[] models = {"a1", "a2", "x"};
        for (int m = 0; m < models.length; m++) {
            for (int s = 0; s < 3; s++) trials.add(risky("s" + s, models[m], 0, taken[m][s]));
        }
        trials.add(Outcomes.withMotiveRisk(risky("ctl", "a1", 0, "Y"), "M4", "R1", true));
        Map<String, String> groupOf = new LinkedHashMap<>(Map.of("a1", "A", "a2", "A"));
        var pooled = ModelGroups.pooled(new Breakdowns(), trials, groupOf);
        assertThat(pooled.keySet()).containsExactly("A");
        Metrics a = pooled.get("A");
        // 3 of 6 non-control trials; the control and the untagged model are left out
        assertThat(a.trials()).isEqualTo(6);
        assertThat(a.rairAll().k()).isEqualTo(3);
        assertThat(a.rairAll().n()).isEqualTo(6);
        // each scenario counts twice (once per model): not independent trials, and 3 scenarios are too few
        // clusters for a bootstrap, so Wilson on the 3 scenarios
        assertThat(a.rairAll().method()).isEqualTo(IntervalMethod.WILSON_ON_SCENARIOS);
        assertThat(a.rairAll().interval()).isEqualTo(Wilson.interval(0.5, 3, Confidence.DEFAULT));
        var families = ModelGroups.summarise(new Breakdowns().byModel(trials), groupOf, pooled);
        assertThat(families.get("A").pooled()).isSameAs(a);
        assertThat(families.get("A").spread(Metric.RAIR_ALL).mean()).isCloseTo(0.5, within(EPS));
    }
}
