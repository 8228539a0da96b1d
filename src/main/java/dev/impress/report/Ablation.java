package dev.impress.report;

import dev.impress.analysis.Cell;
import dev.impress.analysis.Metrics;
import dev.impress.analysis.PairedResult;
import java.util.List;
import java.util.SortedMap;

/**
 * One condition factor that varies in the run (paper Table 2 shape): the metrics per model and
 * level, and each non-baseline level compared with the baseline on the same scenarios.
 *
 * @param byModelAndLevel rows (model, level)
 * @param comparisons     per model, then over all models together when there are several
 */
public record Ablation(String factor, String baseline, List<String> levels, SortedMap<Cell, Metrics> byModelAndLevel,
                       List<Comparison> comparisons) {

    /**
     * Baseline versus {@code level} for one model ({@code model} null: all models, each pair
     * within one model). {@code rairHolmP} is the McNemar p-value of the RAIR comparison
     * adjusted (Holm) over all comparisons of this factor.
     */
    public record Comparison(String model, String level, PairedResult rair, PairedResult racr, double rairHolmP) {
        public String modelLabel() {
            return model == null ? "all models" : model;
        }
    }
}
