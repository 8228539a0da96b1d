package dev.impress.analysis;

/** Cohen's (1960) unweighted kappa for a square table of two raters' categories. */
public final class CohenKappa {
    private CohenKappa() {}

    /**
     * Kappa of a k x k table, rows rater A and columns rater B, with the Fleiss, Cohen and
     * Everitt (1969) standard error:
     * <pre>
     * var = [ sum_i p_ii (1 - (p_i. + p_.i)(1 - kappa))^2
     *       + (1 - kappa)^2 sum_{i != j} p_ij (p_.i + p_j.)^2
     *       - (kappa - p_e (1 - kappa))^2 ] / (n (1 - p_e)^2)
     * </pre>
     */
    public static Kappa of(long[][] table, double confidence) {
        int k = table.length;
        double n = 0;
        for (long[] row : table) {
            if (row.length != k) throw new IllegalArgumentException("kappa needs a square table");
            for (long cell : row) {
                if (cell < 0) throw new IllegalArgumentException("table cells must be >= 0");
                n += cell;
            }
        }
        if (n == 0) return new Kappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN, new Interval(-1, 1));
        double[] rows = new double[k];
        double[] cols = new double[k];
        double observed = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                rows[i] += p;
                cols[j] += p;
                if (i == j) observed += p;
            }
        }
        double expected = 0;
        for (int i = 0; i < k; i++) expected += rows[i] * cols[i];
        if (expected >= 1) {
            // Both raters used a single category: agreement is perfect but carries no information.
            return new Kappa(observed, expected, Double.NaN, Double.NaN, new Interval(-1, 1));
        }
        double kappa = (observed - expected) / (1 - expected);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                if (i == j) {
                    double t = 1 - (rows[i] + cols[i]) * (1 - kappa);
                    sum += p * t * t;
                } else {
                    double t = cols[i] + rows[j];
                    sum += (1 - kappa) * (1 - kappa) * p * t * t;
                }
            }
        }
        double c = kappa - expected * (1 - kappa);
        double variance = Math.max(0, (sum - c * c) / (n * (1 - expected) * (1 - expected)));
        double se = Math.sqrt(variance);
        double z = Normal.twoSidedCritical(confidence);
        return new Kappa(observed, expected, kappa, se, new Interval(kappa - z * se, kappa + z * se).clamp(-1, 1));
    }
}
