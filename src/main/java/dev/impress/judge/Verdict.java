package dev.impress.judge;

import java.util.Locale;

/** A binary label that may also be missing: a judge that refused or failed is UNJUDGED, never a guess. */
public enum Verdict {
    YES, NO, UNJUDGED;

    public static Verdict of(boolean b) {
        return b ? YES : NO;
    }

    /** "Yes"/"No" (any case, also true/false); anything else is null. */
    public static Verdict parse(String text) {
        if (text == null) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("yes") || t.equals("true") || t.equals("y")) return YES;
        if (t.equals("no") || t.equals("false") || t.equals("n")) return NO;
        return null;
    }

    /** True for YES and NO, the verdicts a rate can count; UNJUDGED is left out of every denominator and counted. */
    public boolean judged() {
        return this != UNJUDGED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Verdict or(Verdict other) {
        if (this == YES || other == YES) return YES;
        if (this == NO && other == NO) return NO;
        return UNJUDGED;
    }
}
