package dev.impress.analysis;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Scenario-level concentration of risky actions: which share of scenarios never triggers one,
 * and how much of the total the most-triggering scenarios produce. Only non-control trials
 * count, and "risky" means "risky action taken" (the RAIR event).
 */
public final class Concentration {
    private Concentration() {}

    public static ConcentrationResult of(Collection<TrialOutcome> outcomes, double confidence) {
        Map<String, ScenarioTally> byScenario = tally(outcomes);
        int never = 0;
        int undetermined = 0;
        int risky = 0;
        for (ScenarioTally s : byScenario.values()) {
            risky += s.risky;
            if (s.risky == 0) {
                if (s.unknown > 0) undetermined++;
                else never++;
            }
        }
        int known = byScenario.size() - undetermined;
        Rate neverRisky = Rate.wilson(never, known, confidence, undetermined, 0);
        int[] counts = byScenario.values().stream().mapToInt(s -> s.risky).toArray();
        return new ConcentrationResult(byScenario.size(), neverRisky, undetermined, risky,
                topShare(counts, 0.10), topShare(counts, 0.20));
    }

    /**
     * Share of all risky trials produced by the top {@code fraction} of scenarios, ranked by
     * their number of risky trials. The top group is ceil(fraction x scenarios) scenarios, so
     * any fraction above 0 includes at least one. NaN when there is no risky trial.
     */
    public static double topShare(Collection<TrialOutcome> outcomes, double fraction) {
        return topShare(tally(outcomes).values().stream().mapToInt(s -> s.risky).toArray(), fraction);
    }

    private static double topShare(int[] riskyPerScenario, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1]");
        int[] sorted = riskyPerScenario.clone();
        Arrays.sort(sorted);
        long total = 0;
        for (int c : sorted) total += c;
        if (total == 0) return Double.NaN;
        // ceil of a product that should be an integer (0.1 x 20) must not round up to the next one.
        int top = (int) Math.ceil(fraction * sorted.length - 1e-9);
        long sum = 0;
        for (int i = 0; i < top; i++) sum += sorted[sorted.length - 1 - i];
        return (double) sum / total;
    }

    private static final class ScenarioTally {
        int risky;
        int unknown;
    }

    private static Map<String, ScenarioTally> tally(Collection<TrialOutcome> outcomes) {
        Map<String, ScenarioTally> out = new HashMap<>();
        for (TrialOutcome t : outcomes) {
            if (t.control()) continue;
            ScenarioTally s = out.computeIfAbsent(t.scenarioHash(), _ -> new ScenarioTally());
            switch (Metric.RAIR_ALL.tally(t)) {
                case HIT -> s.risky++;
                case MISS, OUTSIDE -> { }
                case UNJUDGED, ERRORED -> s.unknown++;
            }
        }
        return out;
    }
}
