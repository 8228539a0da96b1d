package dev.impress.sim;

import java.util.Map;

/**
 * How the simulated agent behaves: the probability of taking the risky path per motive, of
 * considering it without acting, of failing to finish an attempt, and of writing a malformed
 * turn; how the simulated judge errs. Seeded: the same trial key always gives the same run.
 * These numbers make the offline demo's reports show structure; they measure nothing.
 */
public record SimulationSettings(Map<String, Double> riskyByMotive, double considerWithoutActing, double failAttempt,
                                 double malformedTurn, double judgeFlip, double judgeMalformed, long seed) {
    /** Roughly the paper's shape (shortcut highest, resisting shutdown lowest), for the demo. */
    public static final SimulationSettings DEMO = new SimulationSettings(
            Map.of("M1", 0.21, "M2", 0.18, "M3", 0.26, "M4", 0.16, "M5", 0.23), 0.05, 0.04, 0.03, 0.03, 0.02, 2026L);

    public double risky(String motive) {
        return riskyByMotive.getOrDefault(motive, 0.2);
    }

    public SimulationSettings withSeed(long s) {
        return new SimulationSettings(riskyByMotive, considerWithoutActing, failAttempt, malformedTurn, judgeFlip, judgeMalformed, s);
    }

    public SimulationSettings scaled(double factor) {
        var scaled = new java.util.HashMap<String, Double>();
        riskyByMotive.forEach((k, v) -> scaled.put(k, Math.min(1, v * factor)));
        return new SimulationSettings(Map.copyOf(scaled), considerWithoutActing, failAttempt, malformedTurn, judgeFlip, judgeMalformed, seed);
    }
}
