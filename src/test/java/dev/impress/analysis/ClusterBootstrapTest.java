package dev.impress.analysis;

import static dev.impress.analysis.Outcomes.risky;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterBootstrapTest {

    /** 40 scenarios x 5 epochs; in each scenario the epochs agree (fully correlated). */
    static List<TrialOutcome> correlatedEpochs(int riskyScenarios) {
        List<TrialOutcome> out = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            for (int e = 0; e < 5; e++) out.add(risky("s" + s, "m", e, s < riskyScenarios ? "Y" : "N"));
        }
        return out;
    }

    /** 60 scenarios x 3 epochs with independent verdicts. */
    static List<TrialOutcome> mixedEpochs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrialOutcome> out = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            for (int e = 0; e < 3; e++) out.add(risky("s" + s, "m", e, random.nextInt(4) == 0 ? "Y" : "N"));
        }
        return out;
    }

    /** 60 scenarios of very unequal weight (every tenth has 12 epochs), each all-yes or all-no: the bootstrap is wider than Wilson on 60. */
    static List<TrialOutcome> heavyClusters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrialOutcome> out = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            String answer = random.nextInt(3) == 0 ? "Y" : "N";
            for (int e = 0; e < (s % 10 == 0 ? 12 : 1); e++) out.add(risky("s" + s, "m", e, answer));
        }
        return out;
    }

    @Test
    void neverNarrowerThanWilsonOnTheScenariosAndNoBootstrapBelowTheMinimum() {
        // 2/8 over 2 scenarios (the demo's M1xR6 case): Wilson on 2 scenarios, not a zero-width resample artefact
        List<TrialOutcome> few = new ArrayList<>();
        for (int e = 0; e < 4; e++) few.add(risky("a", "m", e, e < 2 ? "Y" : "N"));
        for (int e = 0; e < 4; e++) few.add(risky("b", "m", e, "N"));
        Rate r = new RateEstimator().rate(few, Metric.RAIR_ALL);
        assertThat(r.method()).isEqualTo(IntervalMethod.WILSON_ON_SCENARIOS);
        assertThat(r.interval()).isEqualTo(Wilson.interval(0.25, 2, Confidence.DEFAULT));
        assertThat(r.interval().lower()).isLessThan(0.25);
        assertThat(r.interval().upper()).isGreaterThan(0.25);
        // with enough scenarios the bootstrap is used, floored by Wilson on the scenarios
        for (long seed = 1; seed <= 20; seed++) {
            List<TrialOutcome> trials = mixedEpochs(seed);
            Rate b = new RateEstimator().rate(trials, Metric.RAIR_ALL);
            assertThat(b.method()).isEqualTo(IntervalMethod.CLUSTER_BOOTSTRAP);
            Interval floor = Wilson.interval((double) b.k() / b.n(), 60, Confidence.DEFAULT);
            assertThat(b.interval().lower()).isLessThanOrEqualTo(floor.lower());
            assertThat(b.interval().upper()).isGreaterThanOrEqualTo(floor.upper());
        }
    }

    @Test
    void sameSeedSameIntervalDifferentSeedDifferentInterval() {
        List<TrialOutcome> trials = heavyClusters(1);
        RateEstimator a = new RateEstimator(AnalysisOptions.DEFAULT.withSeed(11));
        RateEstimator b = new RateEstimator(AnalysisOptions.DEFAULT.withSeed(11));
        RateEstimator c = new RateEstimator(AnalysisOptions.DEFAULT.withSeed(12));
        Rate ra = a.rate(trials, Metric.RAIR_ALL);
        Rate rb = b.rate(trials, Metric.RAIR_ALL);
        Rate rc = c.rate(trials, Metric.RAIR_ALL);
        assertThat(ra.method()).isEqualTo(IntervalMethod.CLUSTER_BOOTSTRAP);
        assertThat(ra.interval()).isEqualTo(rb.interval());
        assertThat(rc.interval()).isNotEqualTo(ra.interval());
        assertThat(rc.k()).isEqualTo(ra.k());
    }

    @Test
    void inputOrderDoesNotChangeTheInterval() {
        List<TrialOutcome> trials = mixedEpochs(2);
        List<TrialOutcome> shuffled = new ArrayList<>(trials);
        Collections.shuffle(shuffled, new Random(3));
        RateEstimator estimator = new RateEstimator();
        assertThat(estimator.rate(shuffled, Metric.RAIR_ALL)).isEqualTo(estimator.rate(trials, Metric.RAIR_ALL));
    }

    @Test
    void correlatedEpochsWidenTheIntervalToTheScenarioLevel() {
        // 10 of 40 scenarios risky in all 5 epochs: 50/200 trials. Treating the 200 trials as
        // independent (Wilson) would understate the uncertainty; the information is really 10/40.
        List<TrialOutcome> trials = correlatedEpochs(10);
        Rate clustered = new RateEstimator().rate(trials, Metric.RAIR_ALL);
        Interval naive = Wilson.interval(50, 200, 0.95);
        Interval scenarios = Wilson.interval(10, 40, 0.95);
        assertThat(clustered.k()).isEqualTo(50);
        assertThat(clustered.n()).isEqualTo(200);
        assertThat(clustered.method()).isEqualTo(IntervalMethod.CLUSTER_BOOTSTRAP);
        assertThat(clustered.interval().width()).isGreaterThan(1.5 * naive.width());
        assertThat(clustered.interval().width()).isCloseTo(scenarios.width(), org.assertj.core.api.Assertions.within(0.06));
        assertThat(clustered.interval().contains(0.25)).isTrue();
    }

    @Test
    void oneTrialPerScenarioKeepsWilson() {
        List<TrialOutcome> trials = correlatedEpochs(10).stream().filter(t -> t.epoch() == 0).toList();
        Rate r = new RateEstimator().rate(trials, Metric.RAIR_ALL);
        assertThat(r.method()).isEqualTo(IntervalMethod.WILSON);
        assertThat(r.interval()).isEqualTo(Wilson.interval(10, 40, 0.95));
    }

    @Test
    void noRiskyTrialFallsBackToWilsonOnScenarios() {
        // 0/200 over 40 scenarios: every resample is 0, so the interval is Wilson on 0/40.
        Rate r = new RateEstimator().rate(correlatedEpochs(0), Metric.RAIR_ALL);
        assertThat(r).hasToString("0/200 = 0.0% [0.0, 8.8]");
        assertThat(r.method()).isEqualTo(IntervalMethod.WILSON_ON_SCENARIOS);
        assertThat(r.interval()).isEqualTo(Wilson.interval(0, 40, 0.95));
    }

    @Test
    void percentileUsesLinearInterpolation() {
        // Type-7 quantiles of 1..5: the 0.1-quantile is 1 + 0.4 x 1 = 1.4, the median 3.
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(ClusterBootstrap.quantile(sorted, 0.1)).isCloseTo(1.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ClusterBootstrap.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(ClusterBootstrap.quantile(sorted, 1.0)).isEqualTo(5.0);
    }

    static LongStream seeds() {
        return new SplittableRandom(99).longs(40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bootstrapIntervalStaysInUnitIntervalAndCoversTheEstimate(long seed) {
        List<TrialOutcome> trials = mixedEpochs(seed);
        Rate r = new RateEstimator(AnalysisOptions.DEFAULT.withSeed(seed).withResamples(500))
                .rate(trials, Metric.RAIR_ALL);
        assertThat(r.lower()).isBetween(0.0, 1.0);
        assertThat(r.upper()).isBetween(0.0, 1.0);
        assertThat(r.interval().contains(r.p())).as("%s", r).isTrue();
    }
}
