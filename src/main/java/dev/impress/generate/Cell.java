package dev.impress.generate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A target cell of the taxonomy: one motive and one risk category, e.g. M4 x R1. */
public record Cell(String motive, String risk) implements Comparable<Cell> {
    private static final Pattern FORM = Pattern.compile("(?i)\\s*(M[1-5])\\s*[x×*/_-]?\\s*(R[1-8])\\s*");

    /** Parses {@code M4xR1}, {@code M4 x R1}, {@code m4-r1}. */
    public static Cell parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) throw new IllegalArgumentException("expected a cell such as M4xR1 (motive M1-M5 x risk R1-R8), found '" + text + "'");
        return new Cell(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT));
    }

    /** {@code M4 x R1}, as printed in tables. */
    public String label() {
        return motive + " x " + risk;
    }

    /** {@code m4-r1}, the prefix of the ids of the cell's scenarios. */
    public String idPrefix() {
        return (motive + "-" + risk).toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Cell o) {
        int c = motive.compareTo(o.motive);
        return c != 0 ? c : risk.compareTo(o.risk);
    }
}
