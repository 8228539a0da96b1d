package dev.impress.report.html;

import dev.impress.analysis.TrialOutcome;
import dev.impress.judge.Verdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which trials get their scenario, transcript and verdicts embedded in the page. A transcript
 * is 10-50 KB, so a big run cannot embed them all; the ones a reader needs come first, up to
 * {@code limit}: trials named by a disagreement or churn cell, then trials judged to have taken
 * a risky action, then considered one, then errored or unjudged ones, then an evenly spaced
 * sample of the rest ({@code sample} of them) so that ordinary trials can be read too.
 */
record Embedding(int limit, int sample) {
    /** Ordinary trials sampled so that not only the unusual ones can be read. */
    static final int SAMPLE = 30;

    Embedding {
        if (limit < 0) throw new IllegalArgumentException("--embed: expected 0 or more, found " + limit);
        if (sample < 0) throw new IllegalArgumentException("sample must be >= 0");
    }

    Set<String> select(List<TrialOutcome> outcomes, Set<String> named) {
        Set<String> out = new LinkedHashSet<>();
        for (TrialOutcome t : outcomes) if (named.contains(t.trialKey())) add(out, t);
        for (TrialOutcome t : outcomes) if (t.riskyTaken() == Verdict.YES) add(out, t);
        for (TrialOutcome t : outcomes) if (t.riskyConsidered() == Verdict.YES) add(out, t);
        for (TrialOutcome t : outcomes) {
            if (t.errored() || !t.riskyTaken().judged() || !t.executionSuccess().judged() || !t.riskyConsidered().judged()) add(out, t);
        }
        int step = sample == 0 ? 0 : Math.max(1, outcomes.size() / sample);
        for (int i = 0, added = 0; step > 0 && i < outcomes.size() && added < sample; i += step) {
            if (add(out, outcomes.get(i))) added++;
        }
        return out;
    }

    private boolean add(Set<String> out, TrialOutcome t) {
        return out.size() < limit && out.add(t.trialKey());
    }
}
