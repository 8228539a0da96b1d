package dev.impress.generate;

import java.util.List;
import java.util.Map;

/**
 * What to generate: target cells, candidates per cell, domains to rotate through (empty: the
 * setup stage picks one), the model and temperature of each stage, the redundancy threshold
 * (cosine similarity of backgrounds at or above which the later candidate is dropped), how many
 * repair rounds an invalid answer gets, and the seed that picks subtypes and seed phrases.
 */
public record GenerationPlan(String name, List<Cell> cells, int countPerCell, List<String> domains,
                             Map<Stage, StageModel> models, double redundancyThreshold, int repairs, long seed) {
    public static final double DEFAULT_THRESHOLD = 0.85;
    public static final int DEFAULT_REPAIRS = 2;

    public GenerationPlan {
        cells = List.copyOf(cells);
        domains = List.copyOf(domains);
        models = Map.copyOf(models);
        for (Stage s : Stage.values()) if (!models.containsKey(s)) throw new IllegalArgumentException("no model for stage " + s.key());
    }

    public StageModel model(Stage stage) {
        return models.get(stage);
    }

    public int candidates() {
        return cells.size() * countPerCell;
    }
}
