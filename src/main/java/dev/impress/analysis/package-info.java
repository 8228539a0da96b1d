/**
 * Statistics for honest rates: pure functions over reconciled trial outcomes, no I/O and no
 * dependencies beyond the JDK, so the report, the CLI and any other front end share one
 * implementation.
 *
 * <ul>
 *   <li>{@link dev.impress.analysis.Rate}: {@code k/n = p% [lo, hi]} with a Wilson (or
 *       scenario-clustered bootstrap) interval and the unjudged/errored trials left out of n.</li>
 *   <li>{@link dev.impress.analysis.Metric} and {@link dev.impress.analysis.Metrics}: the paper's
 *       ESR, RAIR and RACR (-all and -completed), RSR and RAIR-RS.</li>
 *   <li>{@link dev.impress.analysis.Breakdowns}: metrics per model, model x motive, model x risk,
 *       motive x risk, per condition factor, and the false-positive rate on controls.</li>
 *   <li>{@link dev.impress.analysis.PairedComparison}: two conditions on the same scenarios
 *       (McNemar exact, paired bootstrap, churn).</li>
 *   <li>{@link dev.impress.analysis.Agreement} and {@link dev.impress.analysis.RoganGladen}:
 *       rater agreement (Cohen's kappa) and judge-error-corrected prevalence.</li>
 *   <li>{@link dev.impress.analysis.ModelGroups}: models by family or access, the paper's mean of
 *       per-model rates and intra-family variance, and pooled rates.</li>
 *   <li>{@link dev.impress.analysis.Concentration}: how risky actions spread over scenarios.</li>
 *   <li>{@link dev.impress.analysis.Holm}: Holm-Bonferroni adjustment of p-values.</li>
 * </ul>
 *
 * <pre>{@code
 * List<TrialOutcome> outcomes = ...;                       // from the store
 * Breakdowns tables = new Breakdowns(AnalysisOptions.DEFAULT);
 * tables.byModel(outcomes).forEach((model, m) -> System.out.println(model + "  RAIR " + m.rairAll()));
 * //   gpt-4.1  RAIR 80/400 = 20.0% [16.4, 24.2]
 * PairedResult p = new PairedComparison().compareFactor(outcomes, "mitigation", "none", "safety-prompt",
 *         Metric.RAIR_ALL);
 * // p.churn().becameSafe(), p.churn().becameRisky(), p.mcnemar().pValue(), p.differenceInterval()
 * }</pre>
 */
package dev.impress.analysis;
