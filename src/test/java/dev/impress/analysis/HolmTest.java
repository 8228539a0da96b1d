package dev.impress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HolmTest {

    @Test
    void handComputedStepDown() {
        // Holm (1979), Scand J Statist 6:65-70, step-down: sorted 0.005, 0.01, 0.03, 0.04 times
        // 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04, then a running maximum: 0.02, 0.03, 0.06, 0.06.
        double[] adjusted = Holm.adjust(0.01, 0.04, 0.03, 0.005);
        assertThat(adjusted).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
        // Capped at 1: sorted 0.01, 0.6, 0.7 times 3, 2, 1 = 0.03, 1.2 -> 1, 0.7 -> running max 1.
        assertThat(Holm.adjust(List.of(0.7, 0.6, 0.01))).containsExactly(1.0, 1.0, 0.03);
        assertThat(Holm.adjust()).isEmpty();
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThatThrownBy(() -> Holm.adjust(0.1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holm.adjust(1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<double[]> randomFamilies() {
        SplittableRandom random = new SplittableRandom(17);
        return Stream.generate(() -> random.doubles(1 + random.nextInt(30)).map(p -> p * p * p).toArray()).limit(300);
    }

    @ParameterizedTest
    @MethodSource("randomFamilies")
    void adjustedValuesAreBoundedMonotoneAndBetweenRawAndBonferroni(double[] p) {
        double[] adjusted = Holm.adjust(p);
        int m = p.length;
        for (int i = 0; i < m; i++) {
            assertThat(adjusted[i]).isBetween(p[i], Math.min(1.0, m * p[i]) + 1e-15);
            for (int j = 0; j < m; j++) {
                if (p[i] < p[j]) assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
            }
        }
    }
}
