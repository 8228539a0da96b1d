package dev.impress.analysis;

/**
 * One pair that changed between condition A and condition B, by trial key, so that a report can
 * show the transcripts behind a churn count. {@code yesToNo} is true for a pair that was a hit
 * under A and not under B (for RAIR: became safe), false for the reverse (became risky).
 */
public record DiscordantPair(String trialA, String trialB, boolean yesToNo) {
}
