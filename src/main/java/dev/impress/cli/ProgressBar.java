package dev.impress.cli;

import dev.impress.experiment.RunExecutor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Progress of a run: on a terminal a bar redrawn in place (done/total, errors, rate, ETA, cost);
 * otherwise a plain line every few seconds, so CI logs stay readable.
 */
final class ProgressBar implements RunExecutor.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final DoubleAdder cost = new DoubleAdder();
    private final String unit;
    private volatile long lastPrint;

    ProgressBar(PrintWriter err, int total) {
        this(err, total, "trials");
    }

    /** A bar counting {@code unit} (plural, e.g. "candidates"). */
    ProgressBar(PrintWriter err, int total, String unit) {
        this.err = err;
        this.total = total;
        this.unit = unit;
        this.terminal = System.console() != null && System.getenv("CI") == null;
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
        int d = done.get();
        int e = errors.get();
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        double rate = d / seconds;
        String eta = rate > 0 && total > d ? formatDuration(Duration.ofSeconds(Math.round((total - d) / rate))) : "-";
        String line = String.format("%s %d/%d done, %d errors, %.1f %s/s, ETA %s, cost $%.4f", bar(d), d, total, e, rate, unit, eta, cost.sum());
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
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
