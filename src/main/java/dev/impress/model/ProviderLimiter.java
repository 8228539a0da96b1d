package dev.impress.model;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Limits on the calls to one provider, shared by every model of that provider in the process:
 * create one per provider (or per account) and pass it in {@link ModelOptions} to every model
 * that should share it. Three limits, each optional:
 * <ul>
 *   <li><b>concurrency</b>: at most this many calls in flight, adaptive (AIMD): a 429 halves the
 *       allowed concurrency (at most once per {@code decreaseCooldown}, since one overload shows
 *       up as several 429s at once), each success adds {@code 1/limit} back, up to the maximum;</li>
 *   <li><b>requests per window</b> (per minute by default): a token bucket;</li>
 *   <li><b>tokens per window</b>: a token bucket charged with the estimated tokens of a call when
 *       it starts and corrected with the provider's reported usage when it ends.</li>
 * </ul>
 * A 429 with Retry-After also pauses every caller of the provider until that time.
 * Waiting callers block (cheap on virtual threads); the lock is never held while waiting.
 */
public final class ProviderLimiter {
    private final String name;
    private final int maxConcurrency;
    private final double requestsPerWindow;
    private final double tokensPerWindow;
    private final long windowNanos;
    private final long decreaseCooldownNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private double limit;
    private int inFlight;
    private double requestBucket;
    private double tokenBucket;
    private long lastRefill = System.nanoTime();
    private long pausedUntil = System.nanoTime();
    private long lastDecrease = System.nanoTime() - Long.MAX_VALUE / 4;

    private ProviderLimiter(Builder b) {
        this.name = b.name;
        this.maxConcurrency = b.maxConcurrency;
        this.requestsPerWindow = b.requestsPerWindow;
        this.tokensPerWindow = b.tokensPerWindow;
        this.windowNanos = b.window.toNanos();
        this.decreaseCooldownNanos = b.decreaseCooldown.toNanos();
        this.limit = b.maxConcurrency;
        this.requestBucket = b.requestsPerWindow;
        this.tokenBucket = b.tokensPerWindow;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** No limits at all (still adapts nothing); for local servers and tests. */
    public static ProviderLimiter unlimited(String name) {
        return builder(name).build();
    }

    public String name() {
        return name;
    }

    /** The concurrency currently allowed (lowered after 429s, raised again by successes). */
    public int currentLimit() {
        lock.lock();
        try {
            return allowed();
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a call may start and reserves its slot.
     *
     * @param estimatedTokens input plus output tokens the call is expected to use
     */
    public Permit acquire(long estimatedTokens) throws InterruptedException {
        long charge = tokensPerWindow > 0 ? (long) Math.min(Math.max(0, estimatedTokens), tokensPerWindow) : 0;
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                refill(now);
                long wait = 0;
                if (pausedUntil - now > 0) {
                    wait = pausedUntil - now;
                } else if (inFlight >= allowed()) {
                    wait = -1;
                } else if (requestsPerWindow > 0 && requestBucket < 1) {
                    wait = nanosFor(1 - requestBucket, requestsPerWindow);
                } else if (tokensPerWindow > 0 && tokenBucket < charge) {
                    wait = nanosFor(charge - tokenBucket, tokensPerWindow);
                }
                if (wait == 0) break;
                if (wait < 0) changed.await();
                else changed.awaitNanos(Math.max(wait, TimeUnit.MICROSECONDS.toNanos(100)));
            }
            inFlight++;
            if (requestsPerWindow > 0) requestBucket -= 1;
            if (tokensPerWindow > 0) tokenBucket -= charge;
            return new Permit(charge);
        } finally {
            lock.unlock();
        }
    }

    /** Pauses every caller until {@code wait} from now (a provider's Retry-After). */
    public void pauseFor(Duration wait) {
        lock.lock();
        try {
            long until = System.nanoTime() + wait.toNanos();
            if (until - pausedUntil > 0) pausedUntil = until;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int allowed() {
        return maxConcurrency <= 0 ? Integer.MAX_VALUE : Math.max(1, (int) Math.floor(limit));
    }

    private void refill(long now) {
        double elapsed = now - lastRefill;
        if (elapsed <= 0) return;
        lastRefill = now;
        if (requestsPerWindow > 0) requestBucket = Math.min(requestsPerWindow, requestBucket + elapsed * requestsPerWindow / windowNanos);
        if (tokensPerWindow > 0) tokenBucket = Math.min(tokensPerWindow, tokenBucket + elapsed * tokensPerWindow / windowNanos);
    }

    private long nanosFor(double missing, double perWindow) {
        return (long) Math.ceil(missing * windowNanos / perWindow);
    }

    /** How a call ended, for the adaptive concurrency. */
    public enum Outcome { OK, RATE_LIMITED, FAILED }

    /** A started call; release it exactly once. */
    public final class Permit {
        private final long charged;
        private boolean released;

        private Permit(long charged) {
            this.charged = charged;
        }

        /** Ends the call; {@code actualTokens} corrects the token budget (negative: unknown). */
        public void release(Outcome outcome, long actualTokens) {
            lock.lock();
            try {
                if (released) return;
                released = true;
                inFlight--;
                if (tokensPerWindow > 0 && actualTokens >= 0) tokenBucket += charged - actualTokens;
                long now = System.nanoTime();
                if (outcome == Outcome.RATE_LIMITED) {
                    if (now - lastDecrease >= decreaseCooldownNanos) {
                        limit = Math.max(1, limit / 2);
                        lastDecrease = now;
                    }
                } else if (outcome == Outcome.OK && maxConcurrency > 0) {
                    limit = Math.min(maxConcurrency, limit + 1 / Math.max(1, limit));
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    public static final class Builder {
        private final String name;
        private int maxConcurrency;
        private double requestsPerWindow;
        private double tokensPerWindow;
        private Duration window = Duration.ofMinutes(1);
        private Duration decreaseCooldown = Duration.ofSeconds(1);

        private Builder(String name) {
            this.name = name;
        }

        /** At most this many calls in flight (0 = no limit). */
        public Builder maxConcurrency(int n) {
            this.maxConcurrency = n;
            return this;
        }

        /** Requests per window, per minute unless {@link #window} says otherwise (0 = no limit). */
        public Builder requestsPerMinute(double n) {
            this.requestsPerWindow = n;
            return this;
        }

        /** Input plus output tokens per window (0 = no limit). */
        public Builder tokensPerMinute(double n) {
            this.tokensPerWindow = n;
            return this;
        }

        /** The window of the request and token limits (one minute by default; tests shorten it). */
        public Builder window(Duration w) {
            if (w.isZero() || w.isNegative()) throw new IllegalArgumentException("window must be positive");
            this.window = w;
            return this;
        }

        /** The shortest time between two halvings of the concurrency. */
        public Builder decreaseCooldown(Duration d) {
            this.decreaseCooldown = d;
            return this;
        }

        public ProviderLimiter build() {
            return new ProviderLimiter(this);
        }
    }
}
