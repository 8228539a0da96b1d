package dev.impress.analysis;

/**
 * Agreement of two raters on one yes/no question.
 *
 * @param matrix           the 2x2 table over items both raters judged
 * @param percentAgreement agreements / items, with its Wilson interval
 * @param kappa            Cohen's kappa with standard error and interval
 * @param excluded         items where either rater is unjudged (left out, counted)
 */
public record AgreementResult(ConfusionMatrix matrix, Rate percentAgreement, Kappa kappa, int excluded) {
}
