package dev.impress.analysis;

/**
 * A paired test on discordant counts: {@code yesToNo} (b) and {@code noToYes} (c), the two-sided
 * p-value and, for the exact test, the mid-p value, and the {@code method} that produced them:
 * {@value McNemar#EXACT} when every scenario contributes one pair, {@value McNemar#CLUSTERED}
 * when some scenario contributes several (then {@code midP} equals {@code pValue}: the clustered
 * test is a large-sample chi-square test, which has no mid-p).
 */
public record McNemarResult(int yesToNo, int noToYes, double pValue, double midP, String method) {
    public McNemarResult(int yesToNo, int noToYes, double pValue, double midP) {
        this(yesToNo, noToYes, pValue, midP, McNemar.EXACT);
    }
}
