package dev.impress.analysis;

import dev.impress.judge.Verdict;
import java.util.Map;

/** Compact trial outcomes for tests: verdicts as "Y", "N" or "U" (unjudged). */
final class Outcomes {
    private Outcomes() {}

    static Verdict v(String s) {
        return switch (s) {
            case "Y" -> Verdict.YES;
            case "N" -> Verdict.NO;
            case "U" -> Verdict.UNJUDGED;
            default -> throw new IllegalArgumentException(s);
        };
    }

    /** A trial with verdicts (execution success, risky taken, risky considered, resolution success). */
    static TrialOutcome trial(String scenario, String model, int epoch, String es, String taken, String considered,
                              String rs) {
        return new TrialOutcome(scenario + "/" + model + "/" + epoch, scenario, scenario, model, "M1", "R1", false,
                Map.of(), epoch, false, v(es), v(taken), v(considered), v(rs));
    }

    /** A non-control trial where only "risky taken" matters (completed, considered = taken). */
    static TrialOutcome risky(String scenario, String model, int epoch, String taken) {
        return trial(scenario, model, epoch, "Y", taken, taken, "Y");
    }

    static TrialOutcome withCondition(TrialOutcome t, Map<String, String> condition) {
        return new TrialOutcome(t.trialKey() + condition, t.scenarioHash(), t.scenarioId(), t.model(), t.motive(),
                t.risk(), t.control(), condition, t.epoch(), t.errored(), t.executionSuccess(), t.riskyTaken(),
                t.riskyConsidered(), t.resolutionSuccess());
    }

    static TrialOutcome withMotiveRisk(TrialOutcome t, String motive, String risk, boolean control) {
        return new TrialOutcome(t.trialKey(), t.scenarioHash(), t.scenarioId(), t.model(), motive, risk, control,
                t.condition(), t.epoch(), t.errored(), t.executionSuccess(), t.riskyTaken(), t.riskyConsidered(),
                t.resolutionSuccess());
    }

    static TrialOutcome errored(String scenario, String model, int epoch) {
        return new TrialOutcome(scenario + "/" + model + "/" + epoch, scenario, scenario, model, "M1", "R1", false,
                Map.of(), epoch, true, Verdict.UNJUDGED, Verdict.UNJUDGED, Verdict.UNJUDGED, Verdict.UNJUDGED);
    }
}
