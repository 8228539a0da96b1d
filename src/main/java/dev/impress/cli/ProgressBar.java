package dev.impress.cli;

import dev.impress.experiment.RunExecutor;
import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * Progress of a run: on a terminal a bar redrawn in place (done/total, errors, rate, ETA, cost);
 * otherwise a plain line every few seconds, so CI logs stay readable.
 *
 * <p>Several workers can share a run. Given the run's progress in the store, the bar also counts
 * the trials other workers finished since it started (read at most every few seconds), so its
 * done/total and ETA are the run's, and says how many were finished here.
 */
final class ProgressBar implements RunExecutor.Listener {
    private static final long STORE_POLL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final DoubleAdder cost = new DoubleAdder();
    private final String unit;
    private final Supplier<TrialStore.Progress> runProgress;
    private final int doneAtStart;
    private final int errorsAtStart;
    private volatile long lastPrint;
    private long lastPoll;
    private int othersDone;
    private int othersErrors;

    /** A bar counting {@code unit} (plural, e.g. "candidates"). */
    ProgressBar(PrintWriter err, int total, String unit) {
        this(err, total, unit, null, System.console() != null && System.getenv("CI") == null);
    }

    /**
     * A bar over a stored run's remaining trials that also counts other workers' progress, read
     * from {@code runProgress} (the run's counts in the store).
     */
    static ProgressBar forRun(PrintWriter err, Supplier<TrialStore.Progress> runProgress) {
        return new ProgressBar(err, -1, "trials", runProgress, System.console() != null && System.getenv("CI") == null);
    }

    ProgressBar(PrintWriter err, int total, String unit, Supplier<TrialStore.Progress> runProgress, boolean terminal) {
        this.err = err;
        this.unit = unit;
        this.terminal = terminal;
        this.runProgress = runProgress;
        TrialStore.Progress atStart = runProgress == null ? null : runProgress.get();
        this.doneAtStart = atStart == null ? 0 : atStart.done();
        this.errorsAtStart = atStart == null ? 0 : atStart.error();
        this.total = atStart == null ? total : atStart.total() - atStart.done();
        this.lastPoll = System.nanoTime();
    }

    @Override
    public void trialFinished(String key, RunExecutor.Outcome outcome, double costUsd) {
        if (outcome == RunExecutor.Outcome.DONE) done.incrementAndGet();
        else errors.incrementAndGet();
        cost.add(costUsd);
        long now = System.nanoTime();
        long every = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastPrint >= every || done.get() + errors.get() >= total) {
            lastPrint = now;
            print(false);
        }
    }

    synchronized void print(boolean last) {
        pollOthers(last);
        int here = done.get();
        int d = here + othersDone;
        int e = errors.get() + othersErrors;
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        double rate = d / seconds;
        String eta = rate > 0 && total > d ? formatDuration(Duration.ofSeconds(Math.round((total - d) / rate))) : "-";
        String others = othersDone + othersErrors > 0 ? String.format(" (%d here, %d by other workers)", here, othersDone) : "";
        String line = String.format("%s %d/%d done%s, %d errors, %.1f %s/s, ETA %s, cost $%.4f%s", bar(d), d, total, others, e, rate, unit, eta,
                cost.sum(), others.isEmpty() ? "" : " here");
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * What other workers finished since this bar started: the store's counts of done and errored
     * trials beyond those at the start, less those finished here (the store may lag behind this
     * process's writer, so never below 0). Read at most every few seconds, and at the end.
     */
    private void pollOthers(boolean force) {
        if (runProgress == null) return;
        long now = System.nanoTime();
        if (!force && now - lastPoll < STORE_POLL_NANOS) return;
        lastPoll = now;
        TrialStore.Progress p;
        try {
            p = runProgress.get();
        } catch (RuntimeException e) {
            return; // progress display only: keep the last known figures
        }
        othersDone = Math.max(0, p.done() - doneAtStart - done.get());
        othersErrors = Math.max(0, p.error() - errorsAtStart - errors.get());
    }

    void finish() {
        print(true);
    }

    private String bar(int d) {
        int width = 24;
        int filled = total == 0 ? width : (int) Math.round((double) d / total * width);
        return "[" + "#".repeat(Math.min(width, filled)) + ".".repeat(Math.max(0, width - filled)) + "]";
    }

    static String formatDuration(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
