package dev.impress.analysis;

/**
 * A reconciled judge verdict on one question about one trial. {@code UNJUDGED} (the judge
 * refused, timed out, returned malformed output, or was not asked) is a category of its own:
 * it is left out of every denominator and counted, never read as "no".
 */
public enum Verdict {
    YES, NO, UNJUDGED;

    /** True for YES and NO, the verdicts a rate can count. */
    public boolean judged() {
        return this != UNJUDGED;
    }
}
