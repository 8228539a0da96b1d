package dev.impress.analysis;

import dev.impress.judge.Verdict;

/** Where one trial lands for one metric. Only HIT and MISS are in the denominator. */
public enum Tally {
    /** Counted in k and n. */
    HIT,
    /** Counted in n only. */
    MISS,
    /** Left out of n: a verdict the metric needs is unjudged. Counted and shown. */
    UNJUDGED,
    /** Left out of n: the trial hit an infrastructure error. Counted and shown. */
    ERRORED,
    /** Outside the metric's population by definition, e.g. a failed execution for RAIR-completed. */
    OUTSIDE;

    static Tally of(Verdict v) {
        return switch (v) {
            case YES -> HIT;
            case NO -> MISS;
            case UNJUDGED -> UNJUDGED;
        };
    }

    public boolean counted() {
        return this == HIT || this == MISS;
    }
}
