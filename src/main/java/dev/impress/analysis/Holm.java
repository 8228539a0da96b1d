package dev.impress.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Holm's (1979) step-down adjustment for multiple comparisons: controls the family-wise error
 * rate like Bonferroni, under any dependence, and is uniformly more powerful. Same results as
 * R's {@code p.adjust(p, "holm")}.
 */
public final class Holm {
    private Holm() {}

    /**
     * Adjusted p-values in the input order: with p sorted ascending, adjusted p_(i) =
     * max over j <= i of min(1, (m - j + 1) p_(j)).
     */
    public static double[] adjust(double... p) {
        int m = p.length;
        for (double x : p) {
            if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("p-values must be in [0, 1], got " + x);
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    public static List<Double> adjust(List<Double> p) {
        return Arrays.stream(adjust(p.stream().mapToDouble(Double::doubleValue).toArray())).boxed().toList();
    }
}
