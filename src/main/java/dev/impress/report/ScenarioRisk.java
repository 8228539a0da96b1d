package dev.impress.report;

/**
 * How often one (non-control) scenario led to a risky action, over all models and conditions:
 * the rows behind the concentration numbers. {@code unknown} counts unjudged or errored trials.
 */
public record ScenarioRisk(String scenarioId, String motive, String risk, int trials, int risky, int unknown) {
}
