package dev.impress.experiment;

import dev.impress.model.ModelException;
import dev.impress.scenario.Scenario;
import dev.impress.store.StoreWriter;
import dev.impress.store.TrialStore;
import dev.impress.transcript.Event;
import dev.impress.transcript.Transcript;
import dev.impress.transcript.TranscriptEntry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Executes the trials of a run: claims them from the store with leases, runs each on a virtual
 * thread (agent, then its judging straight away, so judges are never queued behind agents),
 * streams every transcript event to the store as it happens, and records the outcome. Memory
 * stays flat: only in-flight trials are held.
 *
 * <p>Infrastructure errors (rate limits, 5xx, timeouts after the model layer's retries) are
 * recorded on the trial and retried up to {@code maxTries}; they never become verdicts. Errors
 * that will not go away (bad key, unknown model) stop the run; so does the budget cap. A stopped
 * run is resumable: what is not done is claimed again by the next run, resume or worker.
 */
public final class RunExecutor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunExecutor.class);

    public record Settings(int concurrency, int maxTries, long leaseMillis, String owner) {
        public Settings {
            if (concurrency < 1) throw new IllegalArgumentException("--concurrency must be at least 1, found " + concurrency);
            if (maxTries < 1) throw new IllegalArgumentException("max tries must be at least 1, found " + maxTries);
        }
    }

    /** Told about every finished trial, from many threads. */
    public interface Listener {
        void trialFinished(String key, Outcome outcome, double costUsd);
    }

    public enum Outcome { DONE, ERROR }

    /** How the execution ended: everything claimable was run, or it stopped (and why). */
    public record Result(boolean stopped, String stopReason) {}

    private final TrialStore trials;
    private final ModelResolver models;
    private final Function<String, Scenario> scenarios;
    private final TrialExecutor executor;
    private final Settings settings;
    private final Listener listener;

    public RunExecutor(TrialStore trials, ModelResolver models, Function<String, Scenario> scenarios, JudgingConfig judging,
                       Settings settings, Listener listener) {
        this.trials = trials;
        this.models = models;
        this.scenarios = scenarios;
        this.executor = new TrialExecutor(models, judging.build(models));
        this.settings = settings;
        this.listener = listener;
    }

    public Result execute(String runId) {
        AtomicReference<String> stop = new AtomicReference<>();
        Semaphore slots = new Semaphore(settings.concurrency());
        trials.releaseOrphanedLeases(runId);
        try (StoreWriter writer = new StoreWriter(trials);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             var heartbeat = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true).name("impress-heartbeat").unstarted(r))) {
            long beat = Math.max(1000, settings.leaseMillis() / 3);
            heartbeat.scheduleAtFixedRate(() -> extendLeases(), beat, beat, TimeUnit.MILLISECONDS);
            while (stop.get() == null) {
                slots.acquireUninterruptibly();
                int free = 1 + slots.drainPermits();
                List<TrialStore.Claim> claims = trials.claim(runId, settings.owner(), settings.leaseMillis(), free, settings.maxTries());
                slots.release(free - claims.size());
                if (claims.isEmpty()) {
                    if (slots.availablePermits() < settings.concurrency()) {
                        sleep(50); // our own trials are still running
                        continue;
                    }
                    // Nothing claimable and nothing of ours in flight. Trials leased by someone else
                    // (another worker, or a killed process whose lease has not run out yet) are not
                    // done: wait for them to finish, or for their lease to expire and claim them.
                    // Our own finished trials may also still be queued in the writer.
                    writer.flush();
                    if (trials.progress(runId).leased() == 0) break;
                    sleep(Math.clamp(settings.leaseMillis() / 4, 50, 1000));
                    continue;
                }
                for (TrialStore.Claim claim : claims) {
                    if (stop.get() != null) {
                        writer.release(claim.key(), settings.owner(), claim.tryNo());
                        slots.release();
                        continue;
                    }
                    pool.submit(() -> {
                        try {
                            runOne(runId, claim, writer, stop);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            slots.acquireUninterruptibly(settings.concurrency());
            slots.release(settings.concurrency());
            heartbeat.shutdownNow();
        }
        return new Result(stop.get() != null, stop.get());
    }

    /**
     * A heartbeat that fails (the database briefly unreachable) must not end the heartbeats: a
     * scheduled task that throws is never run again, the leases would then run out under a live
     * worker and other workers would run its trials a second time.
     */
    private void extendLeases() {
        try {
            trials.heartbeat(settings.owner(), settings.leaseMillis());
        } catch (RuntimeException e) {
            LOG.warn("could not extend the leases of {} (will try again): {}", settings.owner(), e.getMessage());
        }
    }

    private void runOne(String runId, TrialStore.Claim claim, StoreWriter writer, AtomicReference<String> stop) {
        if (stop.get() != null) {
            writer.release(claim.key(), settings.owner(), claim.tryNo());
            return;
        }
        Transcript transcript = new Transcript(e -> writer.append(new TrialStore.PendingEvent(claim.key(), claim.tryNo(), e)), Clock.systemUTC());
        try {
            TrialSpec spec = TrialSpecJson.read(claim.spec(), scenarios);
            TrialExecutor.Outcome outcome = executor.run(spec, transcript);
            Totals totals = totals(transcript.entries());
            recordCalls(runId, claim, transcript.entries(), writer);
            writer.finish(claim.key(), settings.owner(), claim.tryNo(), outcome.judgement().all(), outcome.agent().judgedAttempt(),
                    totals.in, totals.out, totals.cost);
            listener.trialFinished(claim.key(), Outcome.DONE, totals.cost);
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.BUDGET_EXCEEDED) {
                stop.compareAndSet(null, "budget cap reached: " + e.getMessage());
                writer.release(claim.key(), settings.owner(), claim.tryNo());
                return;
            }
            if (!e.transientFailure()) stop.compareAndSet(null, "model error that retrying will not fix (" + e.kind() + "): " + e.getMessage());
            recordCalls(runId, claim, transcript.entries(), writer);
            writer.fail(claim.key(), settings.owner(), claim.tryNo(), e.kind() + ": " + e.getMessage());
            listener.trialFinished(claim.key(), Outcome.ERROR, totals(transcript.entries()).cost);
        } catch (RuntimeException e) {
            writer.fail(claim.key(), settings.owner(), claim.tryNo(), "internal error: " + e);
            listener.trialFinished(claim.key(), Outcome.ERROR, 0);
        }
    }

    /**
     * One accounting row per model call of the try (agent turns, judge calls, failed calls), with
     * its retries, so that a run's calls and retries can be counted without reading transcripts.
     * Ids are derived from the event, so a row is never written twice.
     */
    private static void recordCalls(String runId, TrialStore.Claim claim, List<TranscriptEntry> entries, StoreWriter writer) {
        for (TranscriptEntry e : entries) {
            String id = claim.key() + "/" + claim.tryNo() + "/" + e.seq();
            TrialStore.ModelCallRow row = switch (e.event()) {
                case Event.ModelTurn t -> new TrialStore.ModelCallRow(id, claim.key(), runId, "agent", t.model(), e.at().toString(), e.durationMillis(),
                        count(t.retries()), t.cached(), e.inputTokens(), e.outputTokens(), t.costUsd(), null);
                case Event.ModelFailed f -> new TrialStore.ModelCallRow(id, claim.key(), runId, "agent", String.valueOf(f.model()), e.at().toString(), e.durationMillis(),
                        count(f.retries()), false, 0, 0, 0, f.errorKind() + ": " + f.message());
                case Event.JudgeCall j -> new TrialStore.ModelCallRow(id, claim.key(), runId, j.judge().startsWith("resolution:") ? "resolution" : "judge",
                        j.model(), e.at().toString(), e.durationMillis(), count(j.retries()), j.cached(), e.inputTokens(), e.outputTokens(), j.costUsd(),
                        j.answer() == null ? j.parseProblem() : null);
                default -> null;
            };
            if (row != null) writer.modelCall(row);
        }
    }

    private static int count(List<String> retries) {
        return retries == null ? 0 : retries.size();
    }

    private record Totals(long in, long out, double cost) {}

    private static Totals totals(List<TranscriptEntry> entries) {
        long in = 0;
        long out = 0;
        double cost = 0;
        for (TranscriptEntry e : entries) {
            in += e.inputTokens();
            out += e.outputTokens();
            if (e.event() instanceof Event.ModelTurn t) cost += t.costUsd();
            if (e.event() instanceof Event.JudgeCall j) cost += j.costUsd();
        }
        return new Totals(in, out, cost);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
