package dev.impress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class McNemarTest {

    @Test
    void fagerlandLydersenLaake2013AirwayExample() {
        // Fagerland MW, Lydersen S, Laake P (2013), "The McNemar test for binary matched-pairs
        // data: mid-p and asymptotic are better than exact conditional", BMC Med Res Methodol
        // 13:91, Table 1 (Bentur et al. airway hyper-responsiveness, b = 1, c = 7): exact
        // conditional p = 0.070, mid-p = 0.039. Exactly: 2 x 9/256 and 2 x (9 - 4)/256;
        // R binom.test(1, 8)$p.value = 0.0703125.
        McNemarResult r = McNemar.exact(1, 7);
        assertThat(r.pValue()).isCloseTo(18.0 / 256, within(1e-15));
        assertThat(r.midP()).isCloseTo(10.0 / 256, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.070, within(5e-4));
        assertThat(r.midP()).isCloseTo(0.039, within(5e-4));
    }

    @Test
    void agrestiPresidentialApproval() {
        // Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed., Table 8.1:
        // approval of the President's performance in two surveys, 794 / 150 / 86 / 570.
        // Discordant pairs 150 and 86 (Agresti's z = -4.17). Exact p: scipy 1.17.1
        // scipy.stats.binomtest(86, 236).pvalue = 3.7159361395713866e-05; mid-p from
        // 2 * (binom.cdf(86, 236, .5) - .5 * binom.pmf(86, 236, .5)) = 2.893389517615428e-05.
        McNemarResult r = McNemar.exact(150, 86);
        assertThat(r.pValue()).isCloseTo(3.7159361395713866e-05, within(1e-17));
        assertThat(r.midP()).isCloseTo(2.893389517615428e-05, within(1e-17));
    }

    @Test
    void edgeCases() {
        assertThat(McNemar.exact(0, 0).pValue()).isEqualTo(1.0);
        assertThat(McNemar.exact(0, 5).pValue()).isCloseTo(2.0 / 32, within(1e-15));
        assertThat(McNemar.exact(4, 4).pValue()).isEqualTo(1.0);
        assertThat(McNemar.exact(4, 4).midP()).isEqualTo(1.0);
        // Large counts must not underflow to 0 or overflow to NaN.
        assertThat(McNemar.exact(10_000, 10_000).pValue()).isEqualTo(1.0);
        assertThat(McNemar.exact(4_900, 5_100).pValue()).isBetween(0.0, 1.0).isGreaterThan(0.0);
    }

    static Stream<Arguments> randomTables() {
        SplittableRandom random = new SplittableRandom(5);
        return Stream.generate(() -> Arguments.of(random.nextInt(60), random.nextInt(60))).limit(300);
    }

    @ParameterizedTest
    @MethodSource("randomTables")
    void matchesDirectBinomialSumAndIsSymmetric(int b, int c) {
        McNemarResult r = McNemar.exact(b, c);
        assertThat(McNemar.exact(c, b)).isEqualTo(new McNemarResult(c, b, r.pValue(), r.midP()));
        // Direct sum with exact binomial coefficients (n < 120 keeps doubles exact enough).
        int n = b + c;
        int m = Math.min(b, c);
        double tail = 0;
        double point = 0;
        double coefficient = 1;
        for (int i = 0; i <= m; i++) {
            if (i > 0) coefficient = coefficient * (n - i + 1) / i;
            double pmf = coefficient * Math.pow(0.5, n);
            tail += pmf;
            if (i == m) point = pmf;
        }
        assertThat(r.pValue()).isCloseTo(Math.min(1, 2 * tail), within(1e-12));
        assertThat(r.midP()).isCloseTo(Math.min(1, 2 * (tail - point / 2)), within(1e-12));
        assertThat(r.midP()).isLessThanOrEqualTo(r.pValue());
    }
}
