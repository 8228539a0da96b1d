package dev.impress.analysis;

/**
 * Cohen's kappa with its large-sample standard error and confidence interval.
 *
 * @param observed observed agreement p_o
 * @param expected chance agreement p_e from the raters' marginals
 * @param value    (p_o - p_e) / (1 - p_e); NaN when p_e = 1 (both raters used one category only)
 * @param standardError Fleiss, Cohen and Everitt (1969) asymptotic standard error (not the
 *                 one under the null), the one SAS PROC FREQ reports as ASE
 * @param interval value -/+ z * standardError, clamped to [-1, 1]
 */
public record Kappa(double observed, double expected, double value, double standardError, Interval interval) {
}
