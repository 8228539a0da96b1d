package dev.impress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NormalTest {

    // Reference: scipy.stats.norm.ppf(p) (SciPy 1.17.1; same algorithm and digits as R's qnorm(p)).
    // 1.959963984540054 and 2.5758293035489004 are the tabulated z_0.975 and z_0.995.
    @ParameterizedTest
    @CsvSource({
            "0.975, 1.959963984540054",
            "0.995, 2.5758293035489004",
            "0.95, 1.6448536269514722",
            "0.3, -0.5244005127080409",
            "0.02425, -1.972961051311885",
            "1e-10, -6.361340902404056",
            "1e-300, -37.0470962993612",
            "0.5, 0.0"
    })
    void quantilesMatchReference(double p, double expected) {
        assertThat(Normal.quantile(p)).isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void twoSidedCriticalValue() {
        assertThat(Normal.twoSidedCritical(0.95)).isCloseTo(1.959963984540054, within(1e-15));
        assertThat(Normal.twoSidedCritical(0.99)).isCloseTo(2.5758293035489004, within(1e-15));
    }

    @Test
    void endpointsAndInvalidInput() {
        assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Normal.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normal.twoSidedCritical(1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Double> randomProbabilities() {
        SplittableRandom random = new SplittableRandom(7);
        return Stream.generate(() -> Math.pow(10, -12 * random.nextDouble()) * random.nextDouble()).limit(500);
    }

    @ParameterizedTest
    @MethodSource("randomProbabilities")
    void symmetricAndIncreasing(double p) {
        double upper = 1 - p;
        double lower = 1 - upper; // the complement that 1 - p really represents in double
        if (lower == 0) return;
        assertThat(Normal.quantile(upper)).isCloseTo(-Normal.quantile(lower), within(1e-14 * Math.abs(Normal.quantile(lower)) + 1e-15));
        if (p < 0.99) assertThat(Normal.quantile(p * 1.01)).isGreaterThan(Normal.quantile(p));
    }
}
