package dev.impress.report.html;

import dev.impress.analysis.DiscordantPair;
import dev.impress.analysis.PairedResult;
import dev.impress.report.Ablation;
import dev.impress.report.ReportData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials behind churn counts, as named sets the trial index can list: both trials of every
 * pair that became safe (or risky) under a level, so the reader sees the before and the after.
 */
final class ChurnSets {
    private ChurnSets() {}

    static String name(Ablation a, Ablation.Comparison c, PairedResult r, boolean becameSafe) {
        return a.factor() + "/" + c.modelLabel() + "/" + c.level() + "/" + r.metric().label() + "/" + (becameSafe ? "became-safe" : "became-risky");
    }

    static Map<String, List<String>> all(ReportData data) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (Ablation a : data.ablations()) {
            for (Ablation.Comparison c : a.comparisons()) {
                for (PairedResult r : List.of(c.rair(), c.racr())) {
                    for (boolean safe : new boolean[] {true, false}) {
                        List<String> keys = new ArrayList<>();
                        for (DiscordantPair p : r.discordant()) {
                            if (p.yesToNo() != safe) continue;
                            keys.add(p.trialA());
                            keys.add(p.trialB());
                        }
                        sets.put(name(a, c, r, safe), keys);
                    }
                }
            }
        }
        return sets;
    }
}
