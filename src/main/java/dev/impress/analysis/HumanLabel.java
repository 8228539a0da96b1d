package dev.impress.analysis;

import java.util.Objects;

/**
 * One annotator's label of one verdict field of a trial, as a person gave it in review:
 * {@code value} is {@code yes}, {@code no} or {@code unsure}.
 */
public record HumanLabel(String trialKey, String annotator, String field, String value) {
    public HumanLabel {
        Objects.requireNonNull(trialKey, "trialKey");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }
}
