package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.json.Json;
import dev.impress.store.Store;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ResponseCacheTest {
    private final FakeProvider fake = FakeProvider.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ChatModel model(ResponseCache cache, CacheMode mode, Budget budget) {
        return TestModels.model(fake, "openai/gpt-4.1", TestModels.fastOptions(new TestModels.RecordingSleeper())
                .cache(cache).cacheMode(mode).budget(budget).build());
    }

    private static ChatRequest ask(double temperature, String text) {
        return ChatRequest.of(CallRole.JUDGE, Decoding.temperature(temperature), List.of(ChatMessage.user(text)));
    }

    @Test
    void temperatureZeroIsCachedByDefaultAndTheHitCostsNothing() {
        fake.json(OpenAiChatModelTest.TEXT_REPLY);
        Budget budget = Budget.unlimited();
        ChatModel m = model(new InMemoryResponseCache(), CacheMode.AUTO, budget);

        ChatResponse first = m.chat(ask(0, "judge this"));
        ChatResponse second = m.chat(ask(0, "judge this"));

        assertThat(fake.requests()).hasSize(1);
        assertThat(first.cached()).isFalse();
        assertThat(first.costUsd()).isPositive();
        assertThat(second.cached()).isTrue();
        assertThat(second.costUsd()).isZero();
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.usage()).isEqualTo(first.usage());
        // the answer that was fetched keeps the raw request; the hit sent none, and the cache does not keep it
        assertThat(first.rawRequest()).contains("judge this");
        assertThat(second.rawRequest()).isNull();
        assertThat(second.rawResponse()).isEqualTo(first.rawResponse());
        assertThat(budget.spentUsd()).isEqualTo(first.costUsd());
        assertThat(budget.totals(CallRole.JUDGE).calls()).isEqualTo(2);
        assertThat(budget.totals(CallRole.JUDGE).cachedCalls()).isEqualTo(1);
    }

    @Test
    void otherTemperaturesAreCachedOnlyWhenAskedFor() {
        fake.json(OpenAiChatModelTest.TEXT_REPLY);
        ChatModel auto = model(new InMemoryResponseCache(), CacheMode.AUTO, Budget.unlimited());
        auto.chat(ask(0.7, "a"));
        auto.chat(ask(0.7, "a"));
        assertThat(fake.requests()).hasSize(2);

        ChatModel always = model(new InMemoryResponseCache(), CacheMode.ALWAYS, Budget.unlimited());
        always.chat(ask(0.7, "a"));
        assertThat(always.chat(ask(0.7, "a")).cached()).isTrue();
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void theKeyCoversModelMessagesDecodingAndTools() {
        ChatRequest base = ask(0, "a");
        String key = RequestKey.hash("openai/gpt-4.1", base);
        assertThat(RequestKey.hash("openai/gpt-4.1", base.withMetadata(Map.of("trial", "x")))).isEqualTo(key);
        assertThat(RequestKey.hash("openai/gpt-4.1", new ChatRequest(base.messages(), base.decoding(), null, CallRole.AGENT, null))).isEqualTo(key);
        assertThat(RequestKey.hash("openai/gpt-4o", base)).isNotEqualTo(key);
        assertThat(RequestKey.hash("openai/gpt-4.1", ask(0, "b"))).isNotEqualTo(key);
        assertThat(RequestKey.hash("openai/gpt-4.1", ChatRequest.of(CallRole.JUDGE, new Decoding(0.0, null, 10, null, null), base.messages())))
                .isNotEqualTo(key);
        var tool = new ToolDefinition("t", "d", Json.parse("{\"type\":\"object\"}"));
        assertThat(RequestKey.hash("openai/gpt-4.1", new ChatRequest(base.messages(), base.decoding(), List.of(tool), CallRole.JUDGE, null)))
                .isNotEqualTo(key);
        // numbers by value: 0 and 0.0 are the same temperature
        assertThat(RequestKey.hash("m/x", ChatRequest.of(CallRole.JUDGE, new Decoding(0.0, 1.0, null, null, null), base.messages())))
                .isEqualTo(RequestKey.hash("m/x", ChatRequest.of(CallRole.JUDGE, new Decoding(-0.0 + 0, 1.00, null, null, null), base.messages())));
    }

    @Test
    void jdbcCacheSurvivesANewStoreAndKeepsTheFirstAnswer(@TempDir Path dir) throws Exception {
        fake.json(OpenAiChatModelTest.TOOL_REPLY);
        String db = dir.resolve("impress.db").toString();
        ChatResponse first;
        try (Store store = Store.open(db)) {
            JdbcResponseCache cache = new JdbcResponseCache(store);
            ChatModel m = model(cache, CacheMode.AUTO, Budget.unlimited());
            first = m.chat(ask(0, "plan"));
            cache.flush(); // inserts are written in the background
        }
        try (Store store = Store.open(db)) {
            JdbcResponseCache cache = new JdbcResponseCache(store);
            ChatResponse again = model(cache, CacheMode.AUTO, Budget.unlimited()).chat(ask(0, "plan"));
            assertThat(fake.requests()).hasSize(1);
            assertThat(again.cached()).isTrue();
            assertThat(again.toolCalls()).hasSize(2);
            assertThat(again.toolCalls().get(0).arguments().path("truck").asText()).isEqualTo("T-7");
            assertThat(again.toolCalls().get(1).arguments()).isNull();
            assertThat(again.rawResponse()).isEqualTo(first.rawResponse());

            String key = RequestKey.hash("openai/gpt-4.1", ask(0, "plan"));
            cache.put(key, "openai/gpt-4.1", ChatResponse.text("openai/gpt-4.1", "something else", Usage.NONE));
            cache.flush();
            assertThat(cache.get(key).orElseThrow().text()).isEqualTo(first.text());
            try (var c = store.connect(); var s = c.createStatement(); ResultSet r = s.executeQuery("SELECT model, count(*) FROM response_cache GROUP BY model")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("openai/gpt-4.1");
                assertThat(r.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void compatibleServersAtDifferentUrlsDoNotShareAnswers() {
        fake.json(OpenAiChatModelTest.TEXT_REPLY);
        try (FakeProvider other = FakeProvider.start()) {
            other.json(OpenAiChatModelTest.TEXT_REPLY);
            var cache = new InMemoryResponseCache();
            var registry = ModelRegistry.standard(Environment.of(Map.of()));
            var opts = TestModels.fastOptions(new TestModels.RecordingSleeper()).cache(cache).cacheMode(CacheMode.AUTO);
            registry.resolve("openai-compatible/llama3", opts.baseUrl(fake.baseUrl() + "/v1").build()).chat(ask(0, "a"));
            ChatResponse r = registry.resolve("openai-compatible/llama3", opts.baseUrl(other.baseUrl() + "/v1").build()).chat(ask(0, "a"));
            assertThat(r.cached()).isFalse();
            assertThat(cache.size()).isEqualTo(2);
        }
    }
}
