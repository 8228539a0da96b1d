package dev.impress.analysis;

/**
 * A prevalence corrected for the judge's errors.
 *
 * @param apparent    the judge's observed positive rate
 * @param sensitivity the judge's sensitivity against the reference labels
 * @param specificity the judge's specificity against the reference labels
 * @param unclamped   the Rogan-Gladen estimate before clamping (may be below 0 or above 1:
 *                    a sign that the apparent rate is inconsistent with Se/Sp)
 * @param estimate    the estimate clamped to [0, 1]; NaN when Se + Sp <= 1
 * @param standardError delta-method standard error of the unclamped estimate
 * @param interval    estimate -/+ z * standardError, clamped to [0, 1]; [0, 1] when uninformative
 */
public record CorrectedPrevalence(double apparent, double sensitivity, double specificity, double unclamped,
                                  double estimate, double standardError, Interval interval) {

    /** False when the judge is no better than chance (Se + Sp <= 1) and nothing can be corrected. */
    public boolean informative() {
        return !Double.isNaN(estimate);
    }
}
