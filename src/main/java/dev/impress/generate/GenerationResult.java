package dev.impress.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation run ended with: the kept scenarios (documents with provenance), every
 * rejection with its gate, the candidates not finished (a model error or the budget: a rerun
 * continues them), and whether the run stopped early and why.
 */
public record GenerationResult(List<Candidate> candidates, List<Kept> kept, List<Rejection> rejections,
                               Map<String, String> unfinished, String stopReason) {
    public record Kept(Candidate candidate, ObjectNode scenario) {}

    /** Counts of one cell, from candidates to kept, as the paper reports 2,500 -> 1,396. */
    public record Yield(int candidates, int format, int invalid, int duplicate, int qcFailed, int unfinished, int kept) {}

    public GenerationResult {
        candidates = List.copyOf(candidates);
        kept = List.copyOf(kept);
        rejections = List.copyOf(rejections);
        unfinished = Map.copyOf(unfinished);
    }

    public Map<Cell, Yield> yieldByCell() {
        Map<Cell, int[]> counts = new TreeMap<>();
        for (Candidate c : candidates) counts.computeIfAbsent(c.cell(), k -> new int[7])[0]++;
        for (Rejection r : rejections) {
            int slot = switch (r.gate()) {
                case FORMAT -> 1;
                case VALIDATION -> 2;
                case REDUNDANCY -> 3;
                case QC -> 4;
            };
            counts.get(r.cell())[slot]++;
        }
        for (Candidate c : candidates) if (unfinished.containsKey(c.id())) counts.get(c.cell())[5]++;
        for (Kept k : kept) counts.get(k.candidate().cell())[6]++;
        Map<Cell, Yield> out = new TreeMap<>();
        counts.forEach((cell, v) -> out.put(cell, new Yield(v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
        return out;
    }

    public Yield total() {
        int[] t = new int[7];
        for (Yield y : yieldByCell().values()) {
            t[0] += y.candidates(); t[1] += y.format(); t[2] += y.invalid(); t[3] += y.duplicate();
            t[4] += y.qcFailed(); t[5] += y.unfinished(); t[6] += y.kept();
        }
        return new Yield(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }
}
