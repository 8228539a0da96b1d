package dev.impress.analysis;

import dev.impress.judge.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgreementTest {

    @Test
    void sasSkinConditionExample() {
        // SAS/STAT User's Guide, PROC FREQ, "Getting Started: Agreement Study" (two dermatologists,
        // 4 categories, n = 88): Simple Kappa 0.3449, ASE 0.0724, 95% confidence limits
        // 0.2030 to 0.4868. The ASE is Fleiss, Cohen and Everitt (1969).
        long[][] skin = {{10, 4, 1, 0}, {5, 10, 12, 2}, {2, 4, 12, 5}, {0, 2, 6, 13}};
        Kappa k = CohenKappa.of(skin, 0.95);
        assertThat(k.value()).isCloseTo(0.3449, within(5e-5));
        assertThat(k.standardError()).isCloseTo(0.0724, within(5e-5));
        assertThat(k.interval().lower()).isCloseTo(0.2030, within(5e-5));
        assertThat(k.interval().upper()).isCloseTo(0.4868, within(5e-5));
        assertThat(k.observed()).isCloseTo(45.0 / 88, within(1e-15));
    }

    @Test
    void twoByTwoTextbookExample() {
        // The standard 2x2 illustration of Cohen's kappa (e.g. Wikipedia "Cohen's kappa", simple
        // example: 50 proposals, both yes 20, A yes/B no 5, A no/B yes 10, both no 15):
        // p_o = 0.7, p_e = 0.5, kappa = 0.4.
        AgreementResult r = Agreement.of(new ConfusionMatrix(20, 5, 10, 15), 0, 0.95);
        assertThat(r.kappa().observed()).isCloseTo(0.7, within(1e-15));
        assertThat(r.kappa().expected()).isCloseTo(0.5, within(1e-15));
        assertThat(r.kappa().value()).isCloseTo(0.4, within(1e-15));
        assertThat(r.percentAgreement()).hasToString("35/50 = 70.0% [56.2, 80.9]");
        assertThat(r.matrix().sensitivity()).isCloseTo(20.0 / 30, within(1e-15));
        assertThat(r.matrix().specificity()).isCloseTo(15.0 / 20, within(1e-15));
    }

    @Test
    void fromLabelPairsPerFieldWithUnjudgedLeftOut() {
        List<LabelPair> pairs = new ArrayList<>();
        String[][] taken = {{"Y", "Y"}, {"Y", "N"}, {"N", "N"}, {"N", "N"}, {"U", "Y"}, {"N", "U"}};
        for (int i = 0; i < taken.length; i++) {
            pairs.add(new LabelPair("t" + i, "risky_action_taken", Outcomes.v(taken[i][0]), Outcomes.v(taken[i][1])));
        }
        pairs.add(new LabelPair("t0", "execution_success", Verdict.YES, Verdict.YES));
        pairs.add(new LabelPair("t1", "execution_success", Verdict.NO, Verdict.YES));
        Map<String, AgreementResult> byField = Agreement.byField(pairs, 0.95);
        assertThat(byField.keySet()).containsExactly("execution_success", "risky_action_taken");
        AgreementResult r = byField.get("risky_action_taken");
        assertThat(r.matrix()).isEqualTo(new ConfusionMatrix(1, 1, 0, 2));
        assertThat(r.excluded()).isEqualTo(2);
        assertThat(r.percentAgreement().k()).isEqualTo(3);
        assertThat(r.percentAgreement().n()).isEqualTo(4);
        assertThat(r.percentAgreement().unjudged()).isEqualTo(2);
        // p_o = 3/4; marginals A yes 2/4, B yes 1/4: p_e = 2/4*1/4 + 2/4*3/4 = 1/2; kappa = 0.5.
        assertThat(r.kappa().value()).isCloseTo(0.5, within(1e-15));
        assertThat(byField.get("execution_success").matrix()).isEqualTo(new ConfusionMatrix(1, 0, 1, 0));
    }

    @Test
    void degenerateTables() {
        // Both raters always say no: perfect agreement, but kappa is undefined.
        AgreementResult allNo = Agreement.of(new ConfusionMatrix(0, 0, 0, 12), 0, 0.95);
        assertThat(allNo.percentAgreement().p()).isEqualTo(1.0);
        assertThat(allNo.kappa().value()).isNaN();
        assertThat(CohenKappa.of(new long[][] {{0, 0}, {0, 0}}, 0.95).value()).isNaN();
        Kappa perfect = CohenKappa.of(new long[][] {{7, 0}, {0, 5}}, 0.95);
        assertThat(perfect.value()).isEqualTo(1.0);
        assertThat(perfect.standardError()).isCloseTo(0, within(1e-12));
    }

    static Stream<ConfusionMatrix> randomMatrices() {
        SplittableRandom random = new SplittableRandom(8);
        return Stream.generate(() -> new ConfusionMatrix(random.nextInt(50), random.nextInt(20), random.nextInt(20),
                random.nextInt(50))).limit(300);
    }

    @ParameterizedTest
    @MethodSource("randomMatrices")
    void kappaIsBoundedAndInsideItsInterval(ConfusionMatrix m) {
        Kappa k = Agreement.of(m, 0, 0.95).kappa();
        if (Double.isNaN(k.value())) return;
        assertThat(k.value()).isBetween(-1.0, 1.0);
        assertThat(k.interval().lower()).isGreaterThanOrEqualTo(-1.0);
        assertThat(k.interval().upper()).isLessThanOrEqualTo(1.0);
        assertThat(k.interval().contains(k.value())).isTrue();
        // Swapping the raters transposes the table and leaves kappa unchanged.
        Kappa swapped = Agreement.of(new ConfusionMatrix(m.bothYes(), m.aNoBYes(), m.aYesBNo(), m.bothNo()), 0, 0.95).kappa();
        assertThat(swapped.value()).isCloseTo(k.value(), within(1e-12));
        assertThat(swapped.standardError()).isCloseTo(k.standardError(), within(1e-12));
    }
}
