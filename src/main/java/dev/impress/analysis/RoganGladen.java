package dev.impress.analysis;

/**
 * The Rogan-Gladen (1978) prevalence corrected for an imperfect classifier:
 * pi = (p + Sp - 1) / (Se + Sp - 1), where p is the judge's apparent positive rate and Se, Sp
 * are its sensitivity and specificity estimated on a human-labelled validation sample.
 *
 * <p>Interval: delta method, treating p, Se and Sp as independent binomial proportions (the
 * validation labels are a separate sample from the trials whose rate is corrected). With
 * J = Se + Sp - 1,
 * <pre>
 * var(pi) = [ p(1-p)/n + pi^2 Se(1-Se)/n_pos + (1-pi)^2 Sp(1-Sp)/n_neg ] / J^2
 * </pre>
 * (Greiner and Gardner 2000; Lang and Reiczigel 2014, eq. 2). We chose it over a bootstrap
 * because it is closed-form, deterministic and cheap enough to show next to every rate. It is
 * a Wald-type interval, so it is too narrow when Se or Sp is estimated from few labels or is
 * near 1 with no errors seen (variance 0): read it together with the validation sample sizes.
 * The estimate and the interval are clamped to [0, 1].
 */
public final class RoganGladen {
    private RoganGladen() {}

    /**
     * @param positives          trials the judge called yes
     * @param n                  trials the judge judged
     * @param truePositives      validation items both judge and human call yes
     * @param referencePositives validation items the human calls yes
     * @param trueNegatives      validation items both call no
     * @param referenceNegatives validation items the human calls no
     */
    public static CorrectedPrevalence correct(int positives, int n, int truePositives, int referencePositives,
                                              int trueNegatives, int referenceNegatives, double confidence) {
        check(positives, n, "positives", "n");
        check(truePositives, referencePositives, "truePositives", "referencePositives");
        check(trueNegatives, referenceNegatives, "trueNegatives", "referenceNegatives");
        double z = Normal.twoSidedCritical(confidence);
        double p = (double) positives / n;
        double se = (double) truePositives / referencePositives;
        double sp = (double) trueNegatives / referenceNegatives;
        double j = se + sp - 1;
        if (!(j > 0)) {
            return new CorrectedPrevalence(p, se, sp, Double.NaN, Double.NaN, Double.NaN, new Interval(0, 1));
        }
        double pi = (p + sp - 1) / j;
        double variance = (p * (1 - p) / n
                + pi * pi * se * (1 - se) / referencePositives
                + (1 - pi) * (1 - pi) * sp * (1 - sp) / referenceNegatives) / (j * j);
        double sd = Math.sqrt(variance);
        return new CorrectedPrevalence(p, se, sp, pi, Math.clamp(pi, 0, 1), sd,
                new Interval(pi - z * sd, pi + z * sd).clamp(0, 1));
    }

    /**
     * Corrects an observed rate (e.g. RAIR-all as judged) with the judge's errors measured
     * against human labels in {@code validation} (rater A = judge, rater B = human).
     */
    public static CorrectedPrevalence correct(Rate observed, ConfusionMatrix validation, double confidence) {
        return correct(observed.k(), observed.n(), validation.bothYes(), validation.referencePositives(),
                validation.bothNo(), validation.referenceNegatives(), confidence);
    }

    private static void check(int k, int n, String kName, String nName) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= " + kName + " <= " + nName + " and " + nName
                    + " > 0, got " + k + " and " + n);
        }
    }
}
