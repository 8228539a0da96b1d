package dev.impress.analysis;

/**
 * The 2x2 table of rater A (the judge, or the rule detector) against rater B (the reference:
 * a human, or the LLM judge). Sensitivity and specificity are A's, measured against B.
 */
public record ConfusionMatrix(int bothYes, int aYesBNo, int aNoBYes, int bothNo) {

    public ConfusionMatrix {
        if (bothYes < 0 || aYesBNo < 0 || aNoBYes < 0 || bothNo < 0) {
            throw new IllegalArgumentException("confusion matrix cells must be >= 0");
        }
    }

    public int total() {
        return bothYes + aYesBNo + aNoBYes + bothNo;
    }

    public int agreements() {
        return bothYes + bothNo;
    }

    /** Cases the reference calls yes. */
    public int referencePositives() {
        return bothYes + aNoBYes;
    }

    /** Cases the reference calls no. */
    public int referenceNegatives() {
        return bothNo + aYesBNo;
    }

    /** A's yes among the reference's yes, NaN without any. */
    public double sensitivity() {
        return ratio(bothYes, referencePositives());
    }

    /** A's no among the reference's no, NaN without any. */
    public double specificity() {
        return ratio(bothNo, referenceNegatives());
    }

    /** Rows are rater A (yes, no), columns rater B (yes, no). */
    public long[][] table() {
        return new long[][] {{bothYes, aYesBNo}, {aNoBYes, bothNo}};
    }

    private static double ratio(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
