package dev.impress.review;

import dev.impress.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which trials a person reviews: seeded samples of a run's judged trials, by trial key. Pure
 * (no I/O), so the same keys and seed always give the same sample.
 */
public final class ReviewSample {
    private ReviewSample() {}

    /**
     * A seeded, stratified sample: up to half from the trials the judge called risky and the rest
     * from the others (more from one side when the other runs short). Trials are ranked by a
     * seeded hash of their key, within each side and in the order shown, so the position does not
     * give the judge's verdict away, and a trial whose verdict changes (a re-judged run, a
     * simulated judge's slight variation) moves only itself, not the rest of the sample.
     */
    public static List<String> stratified(List<String> judgedYes, List<String> judgedNo, int size, long seed) {
        Comparator<String> rank = Comparator.comparing((String key) -> rank(seed, key)).thenComparing(key -> key);
        List<String> yes = judgedYes.stream().sorted(rank).toList();
        List<String> no = judgedNo.stream().sorted(rank).toList();
        int fromYes = Math.min(yes.size(), size / 2);
        int fromNo = Math.min(no.size(), size - fromYes);
        fromYes = Math.min(yes.size(), size - fromNo);
        List<String> out = new ArrayList<>(yes.subList(0, fromYes));
        out.addAll(no.subList(0, fromNo));
        out.sort(rank);
        return out;
    }

    /** A seeded simple random sample of all judged trials (the same ranking, without the halves): representative of the run. */
    public static List<String> simple(List<String> judgedYes, List<String> judgedNo, int size, long seed) {
        List<String> all = new ArrayList<>(judgedYes);
        all.addAll(judgedNo);
        all.sort(Comparator.comparing((String key) -> rank(seed, key)).thenComparing(key -> key));
        return List.copyOf(all.subList(0, Math.min(size, all.size())));
    }

    private static String rank(long seed, String key) {
        return Json.sha256(seed + ":" + key);
    }
}
