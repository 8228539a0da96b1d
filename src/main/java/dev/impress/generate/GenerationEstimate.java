package dev.impress.generate;

import dev.impress.model.PriceTable;
import dev.impress.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What generation will cost before it starts: calls and tokens per stage, priced with the price
 * table. Input tokens are the template (about 4 characters a token) plus the scenario written so
 * far; outputs are typical sizes of the stage's answer. "Expected" assumes no repair; "at most"
 * assumes every call needs every repair, which is the bound the budget cap should allow for.
 * An estimate, printed as one.
 */
public record GenerationEstimate(List<Line> lines, int candidates, int repairs) {
    public record Line(Stage stage, String model, long calls, long inputTokens, long outputTokens, Double costUsd) {}

    /** Typical tokens written by each stage; the scenario so far grows by these. */
    static long typicalOutput(Stage s) {
        return switch (s) {
            case SETUP -> 450;
            case CONTEXT -> 700;
            case ENVIRONMENT -> 2500;
            case MEMORY -> 150;
            case QC -> 350;
        };
    }

    public static GenerationEstimate of(GenerationPlan plan, GenerationPrompts prompts, PriceTable prices) {
        int n = plan.candidates();
        List<Line> lines = new ArrayList<>();
        long sofar = 0;
        for (Stage s : Stage.values()) {
            long input = prompts.template(s).length() / 4 + 200 + (s == Stage.QC ? sofar : sofar);
            long output = typicalOutput(s);
            if (s != Stage.QC) sofar += output;
            String model = plan.model(s).model();
            Usage usage = new Usage(input * n, output * n);
            Double cost = prices.find(model).map(p -> p.cost(usage)).orElse(null);
            lines.add(new Line(s, model, n, usage.inputTokens(), usage.outputTokens(), cost));
        }
        return new GenerationEstimate(lines, n, plan.repairs());
    }

    /** Expected total, or empty when some model has no price. */
    public Optional<Double> expectedUsd() {
        double sum = 0;
        for (Line l : lines) {
            if (l.costUsd() == null) return Optional.empty();
            sum += l.costUsd();
        }
        return Optional.of(sum);
    }

    /**
     * Upper bound if every call needed every repair: a repair resends the conversation (prompt,
     * answer, problems) and gets a new answer, so each repair costs at least as much again.
     */
    public Optional<Double> worstCaseUsd() {
        return expectedUsd().map(e -> e * (1 + repairs) * 1.5);
    }

    public List<String> unpriced() {
        return lines.stream().filter(l -> l.costUsd() == null).map(Line::model).distinct().toList();
    }
}
