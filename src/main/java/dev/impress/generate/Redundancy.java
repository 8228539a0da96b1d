package dev.impress.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Redundancy filtering as in the paper (section 4.2.4), made deterministic: candidates are taken
 * in order and one is kept only if the cosine similarity of its background to every background
 * kept before it (and to every reference scenario, e.g. an existing set) is below the threshold.
 * The paper keeps a random one of a too-similar pair; keeping the earlier one gives the same
 * result on every run, which resuming needs. Pure: no I/O, vectors in, decisions out.
 */
public final class Redundancy {
    private Redundancy() {}

    public record Item(String id, float[] vector) {}

    /** The decision for one candidate: kept, or a duplicate of {@code nearest}. {@code similarity} is the highest found. */
    public record Decision(String id, boolean kept, String nearest, double similarity) {}

    public static List<Decision> filter(List<Item> references, List<Item> candidates, double threshold) {
        List<Item> kept = new ArrayList<>(references);
        List<Decision> out = new ArrayList<>();
        for (Item c : candidates) {
            String nearest = null;
            double best = -1;
            for (Item k : kept) {
                double s = Embedder.cosine(c.vector(), k.vector());
                if (s > best) {
                    best = s;
                    nearest = k.id();
                }
            }
            boolean keep = best < threshold;
            if (keep) kept.add(c);
            out.add(new Decision(c.id(), keep, nearest, nearest == null ? 0 : best));
        }
        return out;
    }
}
