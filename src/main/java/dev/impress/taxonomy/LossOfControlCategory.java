package dev.impress.taxonomy;

/** Misuse, malfunction or misalignment (paper section 3); IMPRESS measures misalignment. */
public record LossOfControlCategory(String id, String name, String condition, String description) {}
