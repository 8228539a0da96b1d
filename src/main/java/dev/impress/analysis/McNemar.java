package dev.impress.analysis;

/**
 * McNemar's exact test for paired binary outcomes (McNemar 1947): conditional on the b + c
 * discordant pairs, b ~ Binomial(b + c, 1/2) under the null of no change, and the two-sided
 * p-value doubles the smaller tail (as R's {@code binom.test(b, b + c)} does for p = 1/2).
 *
 * <p>The mid-p variant subtracts half the probability of the observed count: Fagerland,
 * Lydersen and Laake (2013, BMC Med Res Methodol 13:91) show it keeps the nominal level far
 * better than the conservative exact test while staying exact in spirit. Both are reported.
 */
public final class McNemar {
    private static final double LN2 = Math.log(2);
    public static final String EXACT = "McNemar exact";
    public static final String CLUSTERED = "clustered McNemar (Durkalski et al. 2003)";

    private McNemar() {}

    /** The test on b (yes -> no) and c (no -> yes) discordant pairs. */
    public static McNemarResult exact(int b, int c) {
        if (b < 0 || c < 0) throw new IllegalArgumentException("discordant counts must be >= 0");
        int n = b + c;
        if (n == 0) return new McNemarResult(b, c, 1.0, 1.0);
        int m = Math.min(b, c);
        // P(X = m) and P(X <= m) for X ~ Bin(n, 1/2), summed downwards from m relative to the
        // term at m, which is the largest of them since m <= n / 2: no underflow for large n.
        double pmf = Math.exp(logChoose(n, m) - n * LN2);
        double relative = 1;
        double sum = 1;
        for (int i = m; i >= 1; i--) {
            relative *= (double) i / (n - i + 1);
            sum += relative;
            if (relative < 1e-18 * sum) break;
        }
        double lowerTail = Math.min(1.0, sum * pmf);
        double p = Math.min(1.0, 2 * lowerTail);
        double midP = Math.min(1.0, 2 * (lowerTail - 0.5 * pmf));
        return new McNemarResult(b, c, p, midP);
    }

    /**
     * The clustered McNemar test of Durkalski, Palesch, Lipsitz and Rust (2003, Stat Med 22:2417):
     * with b_k and c_k the discordant counts of cluster k (here: a scenario, whose epochs and
     * conditions are correlated), X^2 = (B - C)^2 / sum_k (b_k - c_k)^2 with B = sum b_k and
     * C = sum c_k, referred to chi-square with 1 degree of freedom. With one pair per cluster the
     * denominator is B + C and it is McNemar's chi-square test. No discordant pair: p = 1.
     */
    public static McNemarResult clustered(int[] yesToNoByCluster, int[] noToYesByCluster) {
        if (yesToNoByCluster.length != noToYesByCluster.length) throw new IllegalArgumentException("one b and one c per cluster");
        long b = 0, c = 0, denominator = 0;
        for (int k = 0; k < yesToNoByCluster.length; k++) {
            b += yesToNoByCluster[k];
            c += noToYesByCluster[k];
            long d = yesToNoByCluster[k] - noToYesByCluster[k];
            denominator += d * d;
        }
        if (denominator == 0) return new McNemarResult((int) b, (int) c, 1.0, 1.0, CLUSTERED);
        double x2 = (double) (b - c) * (b - c) / denominator;
        double p = Math.min(1.0, Normal.upperTail(Math.sqrt(x2)) * 2);
        return new McNemarResult((int) b, (int) c, p, p, CLUSTERED);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) s += Math.log((double) (n - k + i) / i);
        return s;
    }
}
