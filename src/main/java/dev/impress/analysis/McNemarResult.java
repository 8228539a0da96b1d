package dev.impress.analysis;

/** McNemar's exact test: the discordant counts and the two-sided exact and mid-p values. */
public record McNemarResult(int yesToNo, int noToYes, double pValue, double midP) {
}
