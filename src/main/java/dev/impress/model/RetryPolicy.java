package dev.impress.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How failed attempts are retried: 429, 5xx/529, connection resets, timeouts and malformed
 * answers are retried up to {@code maxRetries} times; other failures (400, 401, 403, 404, 422)
 * fail at once. The wait is the provider's Retry-After when it sent one (capped at
 * {@code maxRetryAfter}), otherwise exponential backoff from {@code baseDelay}, doubling up to
 * {@code maxDelay}, with jitter: a random wait between half and all of the backoff, so that
 * many callers that failed together do not come back together.
 *
 * @param sleeper how to wait; tests pass one that records the waits instead of sleeping
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper) {
    /** Waits; interruptible. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(5), THREAD_SLEEP);

    public RetryPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofSeconds(60) : maxDelay;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(5) : maxRetryAfter;
        sleeper = sleeper == null ? THREAD_SLEEP : sleeper;
    }

    public RetryPolicy withMaxRetries(int n) {
        return new RetryPolicy(n, baseDelay, maxDelay, maxRetryAfter, sleeper);
    }

    public RetryPolicy withBaseDelay(Duration d) {
        return new RetryPolicy(maxRetries, d, maxDelay, maxRetryAfter, sleeper);
    }

    public RetryPolicy withSleeper(Sleeper s) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRetryAfter, s);
    }

    /** The wait before retry number {@code retry} (1 = first retry). */
    public Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        long base = Math.max(0, baseDelay.toMillis());
        long cap = Math.max(base, maxDelay.toMillis());
        long exp = base << Math.min(retry - 1, 30);
        long backoff = exp <= 0 || exp > cap ? cap : exp;
        long half = backoff / 2;
        long jittered = half + (backoff - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(backoff - half + 1));
        return Duration.ofMillis(jittered);
    }
}
