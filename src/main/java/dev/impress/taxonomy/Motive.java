package dev.impress.taxonomy;

/** A misalignment motive (M1-M5): why an agent might take a risky action on its own. */
public record Motive(String id, String name, String label, String group, String definition) {}
