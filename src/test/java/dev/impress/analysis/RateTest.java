package dev.impress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RateTest {

    // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison
    // of seven methods", Stat Med 17:857-872, Table II, method 3 (Wilson score, no continuity
    // correction), printed to 4 decimals. Full-precision values: scipy 1.17.1,
    // scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson').
    @ParameterizedTest
    @CsvSource({
            // k, n, Newcombe lower, Newcombe upper, scipy lower, scipy upper
            "81, 263, 0.2553, 0.3662, 0.2552885198782742, 0.36620957698280004",
            "15, 148, 0.0624, 0.1605, 0.06238639953073629, 0.16048724172330803",
            "0, 20, 0.0000, 0.1611, 0.0, 0.16112515805281935",
            "1, 29, 0.0061, 0.1718, 0.006113214292762667, 0.17175521879320282"
    })
    void wilsonMatchesNewcombe1998(int k, int n, double newLo, double newHi, double lo, double hi) {
        Interval ci = Wilson.interval(k, n, 0.95);
        assertThat(ci.lower()).isCloseTo(newLo, within(5e-5));
        assertThat(ci.upper()).isCloseTo(newHi, within(5e-5));
        assertThat(ci.lower()).isCloseTo(lo, within(1e-12));
        assertThat(ci.upper()).isCloseTo(hi, within(1e-12));
    }

    @Test
    void wilsonAtNOfN() {
        // n/n mirrors 0/n: 1 - 0.16112515805281935 (Newcombe 0/20) and scipy binomtest(20, 20) wilson.
        Interval all = Wilson.interval(20, 20, 0.95);
        assertThat(all.lower()).isCloseTo(0.8388748419471808, within(1e-12));
        assertThat(all.upper()).isEqualTo(1.0);
        // scipy binomtest(10, 10).proportion_ci(method='wilson') -> (0.7224672001371109, 1.0)
        assertThat(Wilson.interval(10, 10, 0.95).lower()).isCloseTo(0.7224672001371109, within(1e-12));
    }

    @Test
    void wilsonAtOtherConfidence() {
        // scipy binomtest(7, 40).proportion_ci(confidence_level=0.99, method='wilson')
        Interval ci = Wilson.interval(7, 40, 0.99);
        assertThat(ci.lower()).isCloseTo(0.07064423503673017, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.37183335374319976, within(1e-12));
    }

    @Test
    void rendersAsKOverNWithPercentAndInterval() {
        // The upper bound of 7/40 is 0.3194999033 with the exact z = 1.959963984540054 (scipy
        // binomtest(7, 40) wilson), so it renders 31.9; with z rounded to 1.96 it would be
        // 0.3195029 and render 32.0. We use the exact quantile.
        assertThat(Rate.wilson(7, 40)).hasToString("7/40 = 17.5% [8.7, 31.9]");
        // Newcombe 1998: 81/263 -> 0.2553 to 0.3662.
        assertThat(Rate.wilson(81, 263)).hasToString("81/263 = 30.8% [25.5, 36.6]");
        assertThat(Rate.wilson(0, 20)).hasToString("0/20 = 0.0% [0.0, 16.1]");
        assertThat(Rate.wilson(20, 20)).hasToString("20/20 = 100.0% [83.9, 100.0]");
        assertThat(Rate.wilson(0, 0)).hasToString("0/0 = n/a");
        assertThat(Rate.wilson(0, 0).p()).isNaN();
    }

    @Test
    void carriesExcludedCounts() {
        Rate r = Rate.wilson(3, 10, 0.95, 2, 1);
        assertThat(r.unjudged()).isEqualTo(2);
        assertThat(r.errored()).isEqualTo(1);
        assertThat(r.method()).isEqualTo(IntervalMethod.WILSON);
        assertThat(r.p()).isEqualTo(0.3);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Rate.wilson(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.wilson(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(1, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Seeded (k, n, confidence) triples, biased towards the extremes where bounds overshoot. */
    static Stream<Arguments> randomCounts() {
        SplittableRandom random = new SplittableRandom(20251122);
        return Stream.generate(() -> {
            int n = 1 + random.nextInt(random.nextBoolean() ? 20 : 100_000);
            int k = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> n;
                case 2 -> random.nextBoolean() ? 1 : n - 1;
                default -> random.nextInt(n + 1);
            };
            double confidence = new double[] {0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.999999}[random.nextInt(7)];
            return Arguments.of(k, n, confidence);
        }).limit(2000);
    }

    @ParameterizedTest
    @MethodSource("randomCounts")
    void wilsonBoundsStayInUnitIntervalAndContainP(int k, int n, double confidence) {
        Interval ci = Wilson.interval(k, n, confidence);
        double p = (double) k / n;
        assertThat(ci.lower()).isBetween(0.0, 1.0);
        assertThat(ci.upper()).isBetween(0.0, 1.0);
        assertThat(ci.contains(p)).as("%d/%d at %s: %s", k, n, confidence, ci).isTrue();
        // A higher confidence never gives a narrower interval.
        Interval wider = Wilson.interval(k, n, Math.min(0.9999999, confidence + (1 - confidence) / 2));
        assertThat(wider.lower()).isLessThanOrEqualTo(ci.lower());
        assertThat(wider.upper()).isGreaterThanOrEqualTo(ci.upper());
    }
}
