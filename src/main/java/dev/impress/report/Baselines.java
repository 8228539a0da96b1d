package dev.impress.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which level of a factor the others are compared with. The paper's defaults come first: no
 * framing, persona or mitigation ({@code none}), the text protocol, temperature 0.7; otherwise
 * the first level in sorted order. A user's choice ({@code --baseline factor=level}) wins.
 */
final class Baselines {
    private static final List<String> PREFERRED = List.of("none", "text", "t=0.7");

    private Baselines() {}

    static String choose(String factor, List<String> sortedLevels, Map<String, String> chosen) {
        String wanted = chosen.get(factor);
        if (wanted != null) {
            if (!sortedLevels.contains(wanted)) {
                throw new IllegalArgumentException("--baseline " + factor + "=" + wanted + ": the run has no such level; levels of "
                        + factor + ": " + sortedLevels);
            }
            return wanted;
        }
        for (String p : PREFERRED) if (sortedLevels.contains(p)) return p;
        return sortedLevels.getFirst();
    }

    /** Rejects a chosen baseline for a factor that does not vary in the run. */
    static void checkFactors(Map<String, String> chosen, Collection<String> varying) {
        for (String f : chosen.keySet()) {
            if (!RunResults.FACTORS.contains(f)) {
                throw new IllegalArgumentException("--baseline " + f + ": unknown factor; expected one of " + RunResults.FACTORS);
            }
            if (!varying.contains(f)) {
                throw new IllegalArgumentException("--baseline " + f + ": this factor does not vary in the run (factors that vary: "
                        + (varying.isEmpty() ? "none" : String.join(", ", varying)) + ")");
            }
        }
    }
}
