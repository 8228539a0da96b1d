package dev.impress.store;

import dev.impress.judge.Verdicts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: every write of a run (transcript events, trial outcomes, model calls) goes
 * through one queue, drained by one thread in batched transactions. SQLite allows one writer at
 * a time, so this is its natural shape, and it keeps order: a trial's events are committed
 * before (or with) the outcome that follows them. Writers of different processes (PostgreSQL
 * workers) each have their own.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final int MAX_BATCH = 2000;

    private sealed interface Op {}
    private record AppendEvent(TrialStore.PendingEvent event) implements Op {}
    private record Finish(String key, String owner, int tryNo, List<Verdicts> verdicts, int judgedAttempt, long in, long out, double cost) implements Op {}
    private record Fail(String key, String owner, int tryNo, String error) implements Op {}
    private record Release(String key, String owner, int tryNo) implements Op {}
    private record ModelCall(TrialStore.ModelCallRow row) implements Op {}
    private record Flush(CompletableFuture<Void> done) implements Op {}

    private final TrialStore trials;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>(100_000);
    private final Thread thread;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    public StoreWriter(TrialStore trials) {
        this.trials = trials;
        this.thread = Thread.ofPlatform().name("impress-store-writer").daemon(true).start(this::loop);
    }

    public void append(TrialStore.PendingEvent e) {
        put(new AppendEvent(e));
    }

    public void finish(String key, String owner, int tryNo, List<Verdicts> verdicts, int judgedAttempt, long in, long out, double cost) {
        put(new Finish(key, owner, tryNo, List.copyOf(verdicts), judgedAttempt, in, out, cost));
    }

    public void fail(String key, String owner, int tryNo, String error) {
        put(new Fail(key, owner, tryNo, error));
    }

    public void release(String key, String owner, int tryNo) {
        put(new Release(key, owner, tryNo));
    }

    public void modelCall(TrialStore.ModelCallRow row) {
        put(new ModelCall(row));
    }

    /** Waits until everything queued so far is committed. */
    public void flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new Flush(done));
        try {
            done.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new StoreException("the store writer did not finish: " + e.getMessage(), e);
        }
        checkHealthy();
    }

    private void put(Op op) {
        checkHealthy();
        if (closed) throw new IllegalStateException("store writer closed");
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing a store write", e);
        }
    }

    private void checkHealthy() {
        if (failure != null) throw failure;
    }

    private void loop() {
        List<Op> batch = new ArrayList<>();
        while (!(closed && queue.isEmpty())) {
            try {
                Op first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("store write failed", e);
                failure = e instanceof StoreException se ? se : new StoreException("store write failed: " + e.getMessage(), e);
                for (Op op : batch) if (op instanceof Flush f) f.done().completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Op> batch) {
        trials.with(c -> Sql.inTransaction(c, tx -> {
            List<TrialStore.PendingEvent> events = new ArrayList<>();
            List<TrialStore.ModelCallRow> calls = new ArrayList<>();
            for (Op op : batch) {
                if (op instanceof AppendEvent a) {
                    events.add(a.event());
                    continue;
                }
                if (op instanceof ModelCall m) {
                    calls.add(m.row()); // accounting rows: their order does not matter, one batch at the end
                    continue;
                }
                flushEvents(tx, events);
                switch (op) {
                    case Finish f -> trials.finish(tx, f.key(), f.owner(), f.tryNo(), f.verdicts(), f.judgedAttempt(), f.in(), f.out(), f.cost());
                    case Fail f -> trials.fail(tx, f.key(), f.owner(), f.tryNo(), f.error());
                    case Release r -> trials.release(tx, r.key(), r.owner(), r.tryNo());
                    case ModelCall m -> { }
                    case Flush f -> { }
                    case AppendEvent a -> { }
                }
            }
            flushEvents(tx, events);
            trials.recordModelCalls(tx, calls);
            return null;
        }));
        for (Op op : batch) if (op instanceof Flush f) f.done().complete(null);
    }

    private void flushEvents(Connection tx, List<TrialStore.PendingEvent> events) throws SQLException {
        if (events.isEmpty()) return;
        trials.appendEvents(tx, events);
        events.clear();
    }

    @Override
    public void close() {
        if (closed) return;
        flush();
        closed = true;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
