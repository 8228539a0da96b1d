package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProviderLimiterTest {

    @Test
    void concurrencyNeverExceedsTheLimitUnderManyVirtualThreads() throws Exception {
        ProviderLimiter limiter = ProviderLimiter.builder("openai").maxConcurrency(8).build();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                tasks.add(pool.submit(() -> {
                    var permit = limiter.acquire(0);
                    try {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(1);
                        inside.decrementAndGet();
                    } finally {
                        permit.release(ProviderLimiter.Outcome.OK, 0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : tasks) f.get();
        }
        assertThat(maxInside.get()).isEqualTo(8);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void rateLimitsHalveTheConcurrencyAndSuccessesGrowItBack() throws Exception {
        ProviderLimiter limiter = ProviderLimiter.builder("anthropic").maxConcurrency(16).decreaseCooldown(Duration.ZERO).build();
        limiter.acquire(0).release(ProviderLimiter.Outcome.RATE_LIMITED, -1);
        assertThat(limiter.currentLimit()).isEqualTo(8);
        limiter.acquire(0).release(ProviderLimiter.Outcome.RATE_LIMITED, -1);
        assertThat(limiter.currentLimit()).isEqualTo(4);
        // additive increase: 1/limit per success, so about one more slot per `limit` successes
        for (int i = 0; i < 3; i++) limiter.acquire(0).release(ProviderLimiter.Outcome.OK, 0);
        assertThat(limiter.currentLimit()).isEqualTo(4);
        for (int i = 0; i < 2; i++) limiter.acquire(0).release(ProviderLimiter.Outcome.OK, 0);
        assertThat(limiter.currentLimit()).isEqualTo(5);
        for (int i = 0; i < 500; i++) limiter.acquire(0).release(ProviderLimiter.Outcome.OK, 0);
        assertThat(limiter.currentLimit()).isEqualTo(16);
    }

    @Test
    void aBurstOf429sHalvesOnceWithinTheCooldown() throws Exception {
        ProviderLimiter limiter = ProviderLimiter.builder("google").maxConcurrency(16).decreaseCooldown(Duration.ofMinutes(1)).build();
        for (int i = 0; i < 5; i++) limiter.acquire(0).release(ProviderLimiter.Outcome.RATE_LIMITED, -1);
        assertThat(limiter.currentLimit()).isEqualTo(8);
    }

    @Test
    void requestsPerWindowAreSpread() throws Exception {
        // 5 requests per 200 ms: the first 5 pass at once, 10 more need two more windows.
        ProviderLimiter limiter = ProviderLimiter.builder("openai").requestsPerMinute(5).window(Duration.ofMillis(200)).build();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                tasks.add(pool.submit(() -> {
                    limiter.acquire(0).release(ProviderLimiter.Outcome.OK, 0);
                    return null;
                }));
            }
            for (Future<?> f : tasks) f.get();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(380)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void tokensPerWindowAreChargedAndCorrectedWithRealUsage() throws Exception {
        ProviderLimiter limiter = ProviderLimiter.builder("openai").tokensPerMinute(1000).window(Duration.ofSeconds(60)).build();
        // The estimate (900) is refunded down to the real usage (100), so the next 900 passes at once.
        limiter.acquire(900).release(ProviderLimiter.Outcome.OK, 100);
        long start = System.nanoTime();
        limiter.acquire(800).release(ProviderLimiter.Outcome.OK, 800);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        // Now the bucket holds ~100: a call estimated at 600 must wait (30 s at this rate); check it does not pass.
        var waiter = Thread.ofVirtual().start(() -> {
            try {
                limiter.acquire(600).release(ProviderLimiter.Outcome.OK, 600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.join(Duration.ofMillis(300));
        assertThat(waiter.isAlive()).isTrue();
        waiter.interrupt();
        waiter.join();
    }

    @Test
    void retryAfterPausesEveryCaller() throws Exception {
        ProviderLimiter limiter = ProviderLimiter.unlimited("openai");
        limiter.pauseFor(Duration.ofMillis(300));
        long start = System.nanoTime();
        limiter.acquire(0).release(ProviderLimiter.Outcome.OK, 0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void oneLimiterSharedByTwoModelsCapsWhatTheServerSees() throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            for (int i = 0; i < 3; i++) fake.slow(20, 200, OpenAiChatModelTest.TEXT_REPLY);
            ProviderLimiter limiter = ProviderLimiter.builder("openai").maxConcurrency(3).build();
            var options = TestModels.fastOptions(new TestModels.RecordingSleeper()).limiter(limiter).build();
            var registry = ModelRegistry.standard(TestModels.env(fake));
            ChatModel a = registry.resolve("openai/gpt-4.1", options);
            ChatModel b = registry.resolve("openai/gpt-4.1-mini", options);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<ChatResponse>> calls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    ChatModel m = i % 2 == 0 ? a : b;
                    calls.add(pool.submit(() -> m.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))))));
                }
                for (var c : calls) assertThat(c.get().text()).isNotEmpty();
            }
            assertThat(fake.requests()).hasSize(40);
            assertThat(fake.maxInFlight()).isLessThanOrEqualTo(3).isGreaterThan(1);
        }
    }

    @Test
    void serverRateLimitsLowerTheSharedConcurrency() {
        try (FakeProvider fake = FakeProvider.start()) {
            fake.reply(429, "{\"error\":{\"message\":\"slow down\"}}").json(OpenAiChatModelTest.TEXT_REPLY);
            ProviderLimiter limiter = ProviderLimiter.builder("openai").maxConcurrency(10).build();
            ChatModel m = TestModels.model(fake, "openai/gpt-4.1",
                    TestModels.fastOptions(new TestModels.RecordingSleeper()).limiter(limiter).build());

            m.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))));

            assertThat(limiter.currentLimit()).isEqualTo(5);
            assertThat(limiter.inFlight()).isZero();
        }
    }
}
