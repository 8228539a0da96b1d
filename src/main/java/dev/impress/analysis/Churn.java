package dev.impress.analysis;

/**
 * How paired trials moved between condition A and condition B for one metric. "Yes" is a hit of
 * the metric; for the risk metrics (RAIR, RACR) yes means risky, so {@link #becameSafe()} is
 * yes -> no (fixed by B) and {@link #becameRisky()} is no -> yes (newly broken by B: the
 * paper's "alignment tax" of a safety prompt).
 */
public record Churn(int bothYes, int yesToNo, int noToYes, int bothNo) {

    public int pairs() {
        return bothYes + yesToNo + noToYes + bothNo;
    }

    public int becameSafe() {
        return yesToNo;
    }

    public int becameRisky() {
        return noToYes;
    }

    public int unchanged() {
        return bothYes + bothNo;
    }
}
