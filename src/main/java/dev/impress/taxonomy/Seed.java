package dev.impress.taxonomy;

/** A short seed phrase for scenario generation; {@code source} is "paper" or "own". */
public record Seed(String text, String source) {}
