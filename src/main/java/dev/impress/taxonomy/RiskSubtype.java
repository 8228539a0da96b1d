package dev.impress.taxonomy;

/** A concrete risky action within a risk category, e.g. Blackmail within Coercive Actions. */
public record RiskSubtype(String name, String definition) {}
