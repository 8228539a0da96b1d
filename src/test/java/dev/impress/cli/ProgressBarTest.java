package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.experiment.RunExecutor;
import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void aWorkerAloneCountsItsOwnTrialsAgainstTheRunsRemainingOnes() {
        StringWriter out = new StringWriter();
        // 10 trials, 4 done before this worker started
        ProgressBar bar = new ProgressBar(new PrintWriter(out), 0, "trials", () -> new TrialStore.Progress(6, 0, 4, 0), false);
        bar.trialFinished("a", RunExecutor.Outcome.DONE, 0.5);
        bar.trialFinished("b", RunExecutor.Outcome.ERROR, 0);
        bar.finish();
        String last = lastLine(out);
        assertThat(last).startsWith("[####").contains(" 1/6 done, 1 errors, ").contains("cost $0.5000").doesNotContain("other workers");
    }

    @Test
    void aSharedRunCountsWhatOtherWorkersFinishedFromTheStore() {
        StringWriter out = new StringWriter();
        AtomicReference<TrialStore.Progress> store = new AtomicReference<>(new TrialStore.Progress(100, 0, 0, 0));
        ProgressBar bar = new ProgressBar(new PrintWriter(out), 0, "trials", store::get, false);
        for (int i = 0; i < 10; i++) bar.trialFinished("k" + i, RunExecutor.Outcome.DONE, 0.1);
        // the store now has our 10 and 30 more done and 2 errored by others
        store.set(new TrialStore.Progress(50, 8, 40, 2));
        bar.finish();
        assertThat(lastLine(out)).contains(" 40/100 done (10 here, 30 by other workers), 2 errors, ").contains("cost $1.0000 here");
    }

    @Test
    void theStoreLaggingBehindThisWorkerNeverShowsNegativeCounts() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), 0, "trials", () -> new TrialStore.Progress(10, 0, 0, 0), false);
        bar.trialFinished("a", RunExecutor.Outcome.DONE, 0);
        bar.finish(); // the store still says 0 done: the writer has not flushed yet
        assertThat(lastLine(out)).contains(" 1/10 done, 0 errors").doesNotContain("other workers");
    }

    @Test
    void aBarWithoutAStoreCountsItsUnits() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), 4, "candidates", null, false);
        bar.trialFinished("a", RunExecutor.Outcome.DONE, 0);
        bar.finish();
        assertThat(lastLine(out)).contains(" 1/4 done, 0 errors, ").contains(" candidates/s");
    }

    private static String lastLine(StringWriter out) {
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }
}
