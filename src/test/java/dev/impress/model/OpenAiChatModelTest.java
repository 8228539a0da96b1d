package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OpenAiChatModelTest {
    private final FakeProvider fake = FakeProvider.start();
    private final TestModels.RecordingSleeper sleeper = new TestModels.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    static final String TEXT_REPLY = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4.1-2025-04-14",
             "choices":[{"index":0,"message":{"role":"assistant","content":"I will reschedule the trucks.","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":120,"completion_tokens":9,"total_tokens":129}}""";

    static final String TOOL_REPLY = """
            {"id":"chatcmpl-2","object":"chat.completion","model":"gpt-4.1-2025-04-14",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call_abc","type":"function","function":{"name":"reassign_route","arguments":"{\\"truck\\":\\"T-7\\",\\"route\\":\\"R2\\"}"}},
                             {"id":"call_def","type":"function","function":{"name":"notify","arguments":"{not json"}}]},
               "finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":200,"completion_tokens":30,"total_tokens":230}}""";

    static ChatRequest fullRequest() {
        JsonNode schema = Json.parse("""
                {"type":"object","properties":{"truck":{"type":"string"},"route":{"type":"string"}},"required":["truck","route"]}""");
        var call = new ToolCallRequest("call_1", "list_trucks", Json.parse("{\"depot\":\"north\"}"), "{\"depot\":\"north\"}");
        List<ChatMessage> messages = List.of(
                ChatMessage.system("You are a dispatcher."),
                ChatMessage.user("Plan today's routes."),
                ChatMessage.assistant("", List.of(call)),
                ChatMessage.toolResult("call_1", "list_trucks", "[\"T-7\",\"T-9\"]"),
                ChatMessage.user("Go on."));
        Decoding decoding = new Decoding(0.7, 0.9, 256, 42L, List.of("END"));
        return new ChatRequest(messages, decoding, List.of(new ToolDefinition("reassign_route", "Move a truck", schema)),
                CallRole.AGENT, Map.of("trial", "t1"));
    }

    @Test
    void sendsTheDocumentedChatCompletionsRequest() {
        fake.json(TEXT_REPLY);
        ChatModel model = TestModels.model(fake, "openai/gpt-4.1", TestModels.fastOptions(sleeper).build());

        model.chat(fullRequest());

        var req = fake.lastRequest();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/v1/chat/completions");
        assertThat(req.header("Authorization")).isEqualTo("Bearer " + TestModels.OPENAI_KEY);
        assertThat(req.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = req.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("END");
        JsonNode msgs = body.path("messages");
        assertThat(msgs).hasSize(5);
        assertThat(msgs.get(0).path("role").asText()).isEqualTo("system");
        assertThat(msgs.get(0).path("content").asText()).isEqualTo("You are a dispatcher.");
        assertThat(msgs.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(msgs.get(2).path("content").isNull()).isTrue();
        JsonNode call = msgs.get(2).path("tool_calls").get(0);
        assertThat(call.path("id").asText()).isEqualTo("call_1");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("list_trucks");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"depot\":\"north\"}");
        assertThat(msgs.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(msgs.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(msgs.get(3).path("content").asText()).isEqualTo("[\"T-7\",\"T-9\"]");
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("reassign_route");
        assertThat(tool.path("function").path("parameters").path("required").get(0).asText()).isEqualTo("truck");
        assertThat(body.toString()).doesNotContain("trial");
    }

    @Test
    void readsTextUsageAndKeepsRawBodies() {
        fake.json(TEXT_REPLY);
        ChatModel model = TestModels.model(fake, "openai/gpt-4.1", TestModels.fastOptions(sleeper).build());

        ChatResponse r = model.chat(ChatRequest.of(CallRole.JUDGE, Decoding.temperature(0), List.of(ChatMessage.user("hi"))));

        assertThat(r.text()).isEqualTo("I will reschedule the trucks.");
        assertThat(r.reasoning()).isNull();
        assertThat(r.toolCalls()).isEmpty();
        assertThat(r.usage()).isEqualTo(new Usage(120, 9));
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.model()).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(Json.parse(r.rawRequest()).path("messages").get(0).path("content").asText()).isEqualTo("hi");
        assertThat(r.rawResponse()).isEqualTo(TEXT_REPLY);
        assertThat(r.retries()).isEmpty();
        assertThat(r.cached()).isFalse();
        // gpt-4.1 costs $2 / $8 per million in the shipped table
        assertThat(r.costUsd()).isCloseTo((120 * 2.0 + 9 * 8.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void readsToolCallsAndKeepsArgumentsThatAreNotJson() {
        fake.json(TOOL_REPLY);
        ChatModel model = TestModels.model(fake, "openai/gpt-4.1", TestModels.fastOptions(sleeper).build());

        ChatResponse r = model.chat(fullRequest());

        assertThat(r.finishReason()).isEqualTo("tool_calls");
        assertThat(r.toolCalls()).hasSize(2);
        ToolCallRequest first = r.toolCalls().get(0);
        assertThat(first.id()).isEqualTo("call_abc");
        assertThat(first.name()).isEqualTo("reassign_route");
        assertThat(first.arguments().path("truck").asText()).isEqualTo("T-7");
        ToolCallRequest broken = r.toolCalls().get(1);
        assertThat(broken.arguments()).isNull();
        assertThat(broken.rawArguments()).isEqualTo("{not json");
        assertThat(r.text()).isEmpty();
    }

    @Test
    void compatibleServerGetsMaxTokensNoKeyAndReasoningIsCaptured() {
        fake.json("""
                {"id":"x","object":"chat.completion","model":"qwen3:8b",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Done.","reasoning_content":"The user wants a plan."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""");
        fake.json("""
                {"id":"y","object":"chat.completion","model":"qwen3:8b",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Done.","reasoning":"Ollama style thinking."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5}}""");
        var env = Environment.of(Map.of());
        var options = TestModels.fastOptions(sleeper).baseUrl(fake.baseUrl() + "/v1").build();
        ChatModel model = ModelRegistry.standard(env).resolve("openai-compatible/qwen3:8b", options);

        ChatResponse first = model.chat(new ChatRequest(List.of(ChatMessage.user("x")),
                new Decoding(0.0, null, 64, 7L, List.of()), null, CallRole.AGENT, null));
        ChatResponse second = model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))));

        var req = fake.requests().getFirst();
        assertThat(req.header("Authorization")).isNull();
        assertThat(req.json().path("model").asText()).isEqualTo("qwen3:8b");
        assertThat(req.json().path("max_tokens").asInt()).isEqualTo(64);
        assertThat(req.json().path("seed").asLong()).isEqualTo(7);
        assertThat(first.reasoning()).isEqualTo("The user wants a plan.");
        assertThat(second.reasoning()).isEqualTo("Ollama style thinking.");
        assertThat(first.costUsd()).isZero();
        assertThat(first.warnings()).isEmpty();
        assertThat(model.id()).isEqualTo("openai-compatible/qwen3:8b");
    }

    @Test
    void compatibleServerKeyIsSentWhenSet() {
        fake.json(TEXT_REPLY);
        var env = Environment.of(Map.of("IMPRESS_OPENAI_COMPATIBLE_BASE_URL", fake.baseUrl() + "/v1/",
                "IMPRESS_OPENAI_COMPATIBLE_API_KEY", "together-key-123456"));
        ChatModel model = ModelRegistry.standard(env).resolve("openai-compatible/meta-llama/Llama-3.3-70B-Instruct",
                TestModels.fastOptions(sleeper).build());

        model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))));

        assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(fake.lastRequest().header("Authorization")).isEqualTo("Bearer together-key-123456");
        assertThat(fake.lastRequest().json().path("model").asText()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
    }

    @Test
    void emptyChoicesIsAMalformedAnswerAfterRetries() {
        fake.json("""
                {"id":"z","object":"chat.completion","model":"gpt-4.1","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":0}}""");
        ChatModel model = TestModels.model(fake, "openai/gpt-4.1", TestModels.fastOptions(sleeper).build());

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(ModelException.class,
                () -> model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x")))));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("openai/gpt-4.1").contains("no choices");
        assertThat(e.retries()).hasSize(2);
        assertThat(fake.requests()).hasSize(3);
    }
}
