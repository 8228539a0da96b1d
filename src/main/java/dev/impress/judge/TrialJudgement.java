package dev.impress.judge;

import java.util.ArrayList;
import java.util.List;

/** All verdicts of a trial: each source's own, and the reconciled one rates are computed from. */
public record TrialJudgement(List<Verdicts> sources, Verdicts reconciled) {
    public TrialJudgement {
        sources = List.copyOf(sources);
    }

    public List<Verdicts> all() {
        List<Verdicts> all = new ArrayList<>(sources);
        all.add(reconciled);
        return all;
    }
}
