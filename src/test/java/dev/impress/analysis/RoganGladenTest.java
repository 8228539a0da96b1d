package dev.impress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoganGladenTest {

    @Test
    void workedExample() {
        // Worked by hand (Rogan and Gladen 1978; delta-method variance as in Greiner and Gardner
        // 2000, Lang and Reiczigel 2014): the judge flags 60 of 300 trials (p = 0.2); on human
        // labels it finds 45 of 50 risky trials (Se = 0.9) and clears 95 of 100 safe ones (Sp = 0.95).
        //   J  = 0.9 + 0.95 - 1 = 0.85
        //   pi = (0.2 + 0.95 - 1) / 0.85 = 0.15 / 0.85 = 0.17647058823529...
        //   var = [0.2*0.8/300 + pi^2*0.9*0.1/50 + (1-pi)^2*0.95*0.05/100] / 0.85^2
        //       = [5.3333e-4 + 5.6055e-5 + 3.2215e-4] / 0.7225 = 1.26164e-3, SE = 0.0355196
        //   95%: 0.17647 -/+ 1.959964 * 0.0355196 = [0.10685, 0.24609]
        CorrectedPrevalence c = RoganGladen.correct(60, 300, 45, 50, 95, 100, 0.95);
        assertThat(c.apparent()).isCloseTo(0.2, within(1e-15));
        assertThat(c.estimate()).isCloseTo(0.15 / 0.85, within(1e-14));
        assertThat(c.standardError()).isCloseTo(0.0355195550288312, within(1e-12));
        assertThat(c.interval().lower()).isCloseTo(0.10685353963189627, within(1e-12));
        assertThat(c.interval().upper()).isCloseTo(0.24608763683869173, within(1e-12));
        assertThat(c.informative()).isTrue();
    }

    @Test
    void negativeEstimateIsClampedToZero() {
        // The iSIKHNAS Advanced Field Epidemiology manual's cautionary example: 4 positives of 150
        // with a test of specificity 0.9 gives a negative Rogan-Gladen prevalence, because 15
        // false positives would be expected even in a healthy population. (Se 0.9 here.)
        CorrectedPrevalence c = RoganGladen.correct(4, 150, 90, 100, 90, 100, 0.95);
        // (4/150 + 0.9 - 1) / 0.8 = -0.091666...
        assertThat(c.unclamped()).isCloseTo((4.0 / 150 - 0.1) / 0.8, within(1e-14));
        assertThat(c.estimate()).isZero();
        assertThat(c.interval().lower()).isZero();
    }

    @Test
    void perfectJudgeLeavesTheRateAlone() {
        // Se = Sp = 1: pi = p and the variance reduces to p(1-p)/n, the plain binomial one.
        CorrectedPrevalence c = RoganGladen.correct(30, 120, 40, 40, 60, 60, 0.95);
        assertThat(c.estimate()).isCloseTo(0.25, within(1e-15));
        assertThat(c.standardError()).isCloseTo(Math.sqrt(0.25 * 0.75 / 120), within(1e-15));
    }

    @Test
    void judgeNoBetterThanChanceCannotCorrect() {
        CorrectedPrevalence c = RoganGladen.correct(30, 100, 5, 10, 5, 10, 0.95);
        assertThat(c.informative()).isFalse();
        assertThat(c.interval()).isEqualTo(new Interval(0, 1));
    }

    @Test
    void correctsARateWithAValidationMatrix() {
        Rate observed = Rate.wilson(60, 300);
        ConfusionMatrix validation = new ConfusionMatrix(45, 5, 5, 95); // Se 45/50, Sp 95/100
        assertThat(RoganGladen.correct(observed, validation, 0.95))
                .isEqualTo(RoganGladen.correct(60, 300, 45, 50, 95, 100, 0.95));
    }

    static Stream<Arguments> randomInputs() {
        SplittableRandom random = new SplittableRandom(31);
        return Stream.generate(() -> {
            int n = 1 + random.nextInt(500);
            int pos = 1 + random.nextInt(100);
            int neg = 1 + random.nextInt(100);
            return Arguments.of(random.nextInt(n + 1), n, random.nextInt(pos + 1), pos, random.nextInt(neg + 1), neg);
        }).limit(500);
    }

    @ParameterizedTest
    @MethodSource("randomInputs")
    void estimateAndIntervalStayInUnitInterval(int k, int n, int tp, int pos, int tn, int neg) {
        CorrectedPrevalence c = RoganGladen.correct(k, n, tp, pos, tn, neg, 0.95);
        assertThat(c.interval().lower()).isBetween(0.0, 1.0);
        assertThat(c.interval().upper()).isBetween(0.0, 1.0);
        if (c.informative()) {
            assertThat(c.estimate()).isBetween(0.0, 1.0);
            assertThat(c.interval().contains(c.estimate())).isTrue();
        }
    }
}
