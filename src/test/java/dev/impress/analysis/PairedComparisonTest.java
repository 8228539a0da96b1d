package dev.impress.analysis;

import static dev.impress.analysis.Outcomes.errored;
import static dev.impress.analysis.Outcomes.risky;
import static dev.impress.analysis.Outcomes.trial;
import static dev.impress.analysis.Outcomes.withCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    /**
     * The paper's safety-prompt mitigation (spec/paper.md section 8) on 400 scenarios: 20% risky
     * without the prompt; 8% of all become safe and 5% become risky with it, so 17% with it.
     */
    static List<List<TrialOutcome>> safetyPrompt() {
        List<TrialOutcome> off = new ArrayList<>();
        List<TrialOutcome> on = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            boolean before = s < 80;                      // 48 stay risky, 32 become safe
            boolean after = s < 48 || (s >= 80 && s < 100); // 20 become risky
            off.add(risky("s" + s, "gpt-4.1", 0, before ? "Y" : "N"));
            on.add(risky("s" + s, "gpt-4.1", 0, after ? "Y" : "N"));
        }
        return List.of(off, on);
    }

    @Test
    void safetyPromptChurnAndMcNemar() {
        var data = safetyPrompt();
        PairedResult r = new PairedComparison().compare(data.get(0), data.get(1), Metric.RAIR_ALL);
        assertThat(r.churn()).isEqualTo(new Churn(48, 32, 20, 300));
        assertThat(r.churn().becameSafe()).isEqualTo(32);
        assertThat(r.churn().becameRisky()).isEqualTo(20);
        assertThat(r.churn().unchanged()).isEqualTo(348);
        assertThat(r.rateA()).hasToString("80/400 = 20.0% [16.4, 24.2]");
        assertThat(r.rateB().k()).isEqualTo(68);
        assertThat(r.difference()).isCloseTo(-0.03, within(1e-15));
        // scipy.stats.binomtest(20, 52).pvalue = 0.12634707581392135 (R: binom.test(20, 52));
        // mid-p 2 * (binom.cdf(20, 52, .5) - .5 * binom.pmf(20, 52, .5)) = 0.0983706484404918.
        assertThat(r.mcnemar().pValue()).isCloseTo(0.12634707581392135, within(1e-13));
        assertThat(r.mcnemar().midP()).isCloseTo(0.0983706484404918, within(1e-13));
        assertThat(r.differenceInterval().contains(-0.03)).isTrue();
        assertThat(r.differenceInterval().contains(0.0)).isTrue(); // not significant, like McNemar
        assertThat(r.excluded().total()).isZero();
    }

    @Test
    void pairedBootstrapIsSeeded() {
        var data = safetyPrompt();
        var options = AnalysisOptions.DEFAULT.withSeed(5);
        Interval first = new PairedComparison(options).compare(data.get(0), data.get(1), Metric.RAIR_ALL).differenceInterval();
        Interval again = new PairedComparison(options).compare(data.get(0), data.get(1), Metric.RAIR_ALL).differenceInterval();
        Interval other = new PairedComparison(options.withSeed(6)).compare(data.get(0), data.get(1), Metric.RAIR_ALL)
                .differenceInterval();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void excludesAndCountsPairsThatCannotBeCompared() {
        List<TrialOutcome> a = List.of(
                risky("s1", "m", 0, "Y"),
                risky("s2", "m", 0, "N"),
                risky("s3", "m", 0, "U"),     // unjudged on A
                errored("s4", "m", 0),        // errored on A
                trial("s5", "m", 0, "N", "N", "N", "N"), // failed execution: outside RAIR-completed
                risky("s6", "m", 0, "Y"));    // no partner in B
        List<TrialOutcome> b = List.of(
                risky("s1", "m", 0, "N"),
                risky("s2", "m", 0, "N"),
                risky("s3", "m", 0, "Y"),
                risky("s4", "m", 0, "U"),     // errored beats unjudged: counted once, as errored
                risky("s5", "m", 0, "N"),
                risky("s7", "m", 0, "N"),     // no partner in A
                risky("s1", "m", 1, "Y"));    // epoch 1 has no partner in A
        PairedResult r = new PairedComparison().compare(a, b, Metric.RAIR_COMPLETED);
        assertThat(r.excluded()).isEqualTo(new PairExclusions(1, 2, 1, 1, 1));
        assertThat(r.churn()).isEqualTo(new Churn(0, 1, 0, 1));
        assertThat(r.rateA().unjudged()).isEqualTo(1);
        assertThat(r.rateA().errored()).isEqualTo(1);
        assertThat(r.mcnemar().pValue()).isEqualTo(1.0);
    }

    @Test
    void discordantPairsNameTheTrialsBehindTheChurn() {
        var data = safetyPrompt();
        PairedResult r = new PairedComparison().compare(data.get(0), data.get(1), Metric.RAIR_ALL);
        assertThat(r.discordant()).hasSize(52);
        assertThat(r.discordant().stream().filter(DiscordantPair::yesToNo)).hasSize(r.churn().becameSafe());
        // scenario s80 was safe without the prompt and risky with it
        assertThat(r.discordant()).contains(new DiscordantPair("s80/gpt-4.1/0", "s80/gpt-4.1/0", false))
                .contains(new DiscordantPair("s50/gpt-4.1/0", "s50/gpt-4.1/0", true))
                .noneMatch(p -> p.trialA().equals("s10/gpt-4.1/0"));
    }

    @Test
    void comparesAFactorAcrossModelsPairingEverythingElse() {
        List<TrialOutcome> trials = new ArrayList<>();
        for (String model : List.of("gpt", "claude")) {
            for (int s = 0; s < 10; s++) {
                // Without the prompt, scenarios 0-5 are risky; with it, only 0-1.
                trials.add(withCondition(risky("s" + s, model, 0, s < 6 ? "Y" : "N"),
                        Map.of("mitigation", "none", "persona", "default")));
                trials.add(withCondition(risky("s" + s, model, 0, s < 2 ? "Y" : "N"),
                        Map.of("mitigation", "safety-prompt", "persona", "default")));
            }
        }
        PairedResult r = new PairedComparison().compareFactor(trials, "mitigation", "none", "safety-prompt",
                Metric.RAIR_ALL);
        assertThat(r.churn()).isEqualTo(new Churn(4, 8, 0, 8));
        assertThat(r.difference()).isCloseTo(-0.4, within(1e-15));
        // Each scenario holds two pairs (one per model), so the pairs are not independent: the clustered
        // McNemar test (Durkalski 2003). Scenarios 2-5 each have b_k = 2, c_k = 0: X^2 = (8 - 0)^2 / (4 * 2^2) = 4,
        // p = P(chi2_1 > 4) = 2 P(Z > 2) = 0.0455, where the exact test that ignores clustering says 2/256.
        assertThat(r.mcnemar().method()).isEqualTo(McNemar.CLUSTERED);
        assertThat(r.mcnemar().pValue()).isCloseTo(0.045500263896, within(1e-6));
        // and the whole interval below 0.
        assertThat(r.differenceInterval().upper()).isLessThan(0);

        PairedResult models = new PairedComparison().compareModels(trials, "gpt", "claude", Metric.RAIR_ALL);
        assertThat(models.churn().pairs()).isEqualTo(20);
        assertThat(models.difference()).isZero();
    }

    @Test
    void ambiguousPairingIsRejected() {
        List<TrialOutcome> twoModels = List.of(risky("s1", "gpt", 0, "Y"), risky("s1", "claude", 0, "N"));
        assertThatThrownBy(() -> new PairedComparison().compare(twoModels, List.of(risky("s1", "gpt", 0, "N")),
                Metric.RAIR_ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario s1");
    }

    @Test
    void noPairs() {
        PairedResult r = new PairedComparison().compare(List.of(), List.of(), Metric.RAIR_ALL);
        assertThat(r.difference()).isNaN();
        assertThat(r.rateA()).hasToString("0/0 = n/a");
        assertThat(r.differenceInterval()).isEqualTo(new Interval(-1, 1));
    }
}
