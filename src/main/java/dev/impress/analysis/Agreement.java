package dev.impress.analysis;

import dev.impress.judge.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Agreement between two raters (rule detector vs LLM judge, judge vs human) on yes/no verdicts:
 * percent agreement, Cohen's kappa and the confusion matrix. Items where either side is
 * unjudged are left out and counted.
 */
public final class Agreement {
    private Agreement() {}

    /** Agreement per question ({@link LabelPair#field()}), sorted by field name. */
    public static SortedMap<String, AgreementResult> byField(Collection<LabelPair> pairs, double confidence) {
        Map<String, List<LabelPair>> byField = new TreeMap<>();
        for (LabelPair p : pairs) byField.computeIfAbsent(p.field(), _ -> new ArrayList<>()).add(p);
        SortedMap<String, AgreementResult> out = new TreeMap<>();
        byField.forEach((field, list) -> out.put(field, of(list, confidence)));
        return Collections.unmodifiableSortedMap(out);
    }

    /** Agreement over pairs of one question; rater A is {@code judge}, rater B {@code human}. */
    public static AgreementResult of(Collection<LabelPair> pairs, double confidence) {
        int bothYes = 0, aYesBNo = 0, aNoBYes = 0, bothNo = 0, excluded = 0;
        for (LabelPair p : pairs) {
            if (!p.judge().judged() || !p.human().judged()) {
                excluded++;
                continue;
            }
            boolean a = p.judge() == Verdict.YES;
            boolean b = p.human() == Verdict.YES;
            if (a && b) bothYes++;
            else if (a) aYesBNo++;
            else if (b) aNoBYes++;
            else bothNo++;
        }
        return of(new ConfusionMatrix(bothYes, aYesBNo, aNoBYes, bothNo), excluded, confidence);
    }

    /** Agreement from a confusion matrix already tallied. */
    public static AgreementResult of(ConfusionMatrix matrix, int excluded, double confidence) {
        Rate agreement = Rate.wilson(matrix.agreements(), matrix.total(), confidence, excluded, 0);
        return new AgreementResult(matrix, agreement, CohenKappa.of(matrix.table(), confidence), excluded);
    }
}
