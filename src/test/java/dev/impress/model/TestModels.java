package dev.impress.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared fixtures: fast retry policies, a fake environment, registries pointed at a fake provider. */
final class TestModels {
    static final String OPENAI_KEY = "sk-test-openai-0123456789abcdef";
    static final String ANTHROPIC_KEY = "sk-ant-test-0123456789abcdef";
    static final String GEMINI_KEY = "AIzaTestGemini0123456789abcdef";

    private TestModels() {}

    /** Retries that wait 1 ms at most (recorded, not slept), so fault tests are fast. */
    static final class RecordingSleeper implements RetryPolicy.Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    static RetryPolicy fastRetry(int maxRetries, RetryPolicy.Sleeper sleeper) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(5), sleeper);
    }

    static Environment env(FakeProvider fake) {
        return Environment.of(Map.of(
                "OPENAI_API_KEY", OPENAI_KEY,
                "OPENAI_BASE_URL", fake.baseUrl() + "/v1",
                "ANTHROPIC_API_KEY", ANTHROPIC_KEY,
                "ANTHROPIC_BASE_URL", fake.baseUrl(),
                "GEMINI_API_KEY", GEMINI_KEY,
                "GEMINI_BASE_URL", fake.baseUrl(),
                "IMPRESS_OPENAI_COMPATIBLE_BASE_URL", fake.baseUrl() + "/v1"));
    }

    static ModelOptions.Builder fastOptions(RetryPolicy.Sleeper sleeper) {
        return ModelOptions.builder()
                .retry(fastRetry(2, sleeper))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .cacheMode(CacheMode.OFF);
    }

    static ChatModel model(FakeProvider fake, String spec, ModelOptions options) {
        return ModelRegistry.standard(env(fake)).resolve(spec, options);
    }
}
