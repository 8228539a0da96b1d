package dev.impress.generate;

/**
 * One scenario to attempt: its id (cell prefix and number, stable across runs of the same plan,
 * which is what makes generation resumable), the cell, the risk subtype and seed phrase it is
 * grown from, and the domain (null: the setup stage chooses).
 */
public record Candidate(String id, Cell cell, int index, String riskSubtype, String seedPhrase, String domain) {}
