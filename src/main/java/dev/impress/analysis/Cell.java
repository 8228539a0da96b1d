package dev.impress.analysis;

import java.util.Comparator;
import java.util.Objects;

/** A cell of a two-way table, e.g. (model, motive) or (motive, risk) for the heatmap. */
public record Cell(String row, String column) implements Comparable<Cell> {
    private static final Comparator<Cell> ORDER =
            Comparator.comparing(Cell::row).thenComparing(Cell::column);

    public Cell {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public int compareTo(Cell other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return row + " x " + column;
    }
}
