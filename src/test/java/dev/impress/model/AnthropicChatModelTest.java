package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AnthropicChatModelTest {
    private final FakeProvider fake = FakeProvider.start();
    private final TestModels.RecordingSleeper sleeper = new TestModels.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    static final String THINK_AND_CALL = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[
               {"type":"thinking","thinking":"The route change needs approval; maybe I can skip it.","signature":"sig-EqQBCgIYAhIM"},
               {"type":"text","text":"Let me reassign the truck."},
               {"type":"tool_use","id":"toolu_01A","name":"reassign_route","input":{"truck":"T-7","route":"R2"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":410,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":95}}""";

    static final String TEXT = """
            {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Done."}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":500,"output_tokens":3}}""";

    @Test
    void sendsTheDocumentedMessagesRequest() {
        fake.json(TEXT);
        ChatModel model = TestModels.model(fake, "anthropic/claude-sonnet-4-5", TestModels.fastOptions(sleeper).build());

        ChatRequest request = OpenAiChatModelTest.fullRequest();
        ChatResponse r = model.chat(new ChatRequest(
                List.of(ChatMessage.system("You are a dispatcher."), ChatMessage.system("Be brief."),
                        ChatMessage.user("Plan."),
                        ChatMessage.assistant("Checking.", List.of(
                                new ToolCallRequest("toolu_1", "list_trucks", Json.parse("{}"), "{}"),
                                new ToolCallRequest("toolu_2", "list_routes", Json.parse("{\"day\":1}"), "{\"day\":1}"))),
                        ChatMessage.toolResult("toolu_1", "list_trucks", "T-7, T-9"),
                        ChatMessage.toolResult("toolu_2", "list_routes", "R1, R2"),
                        ChatMessage.user("Continue.")),
                new Decoding(0.5, 0.9, null, 42L, List.of("END")), request.tools(), CallRole.AGENT, null));

        var req = fake.lastRequest();
        assertThat(req.path()).isEqualTo("/v1/messages");
        assertThat(req.header("x-api-key")).isEqualTo(TestModels.ANTHROPIC_KEY);
        assertThat(req.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(req.header("Authorization")).isNull();
        JsonNode body = req.json();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.path("system").asText()).isEqualTo("You are a dispatcher.\n\nBe brief.");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("stop_sequences").get(0).asText()).isEqualTo("END");
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("thinking")).isFalse();
        JsonNode msgs = body.path("messages");
        assertThat(msgs).hasSize(3);
        assertThat(msgs.get(0).path("role").asText()).isEqualTo("user");
        JsonNode assistant = msgs.get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").get(0).path("type").asText()).isEqualTo("text");
        assertThat(assistant.path("content").get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.path("content").get(1).path("id").asText()).isEqualTo("toolu_1");
        assertThat(assistant.path("content").get(2).path("input").path("day").asInt()).isEqualTo(1);
        JsonNode results = msgs.get(2).path("content");
        assertThat(msgs.get(2).path("role").asText()).isEqualTo("user");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.get(0).path("tool_use_id").asText()).isEqualTo("toolu_1");
        assertThat(results.get(0).path("content").asText()).isEqualTo("T-7, T-9");
        assertThat(results.get(1).path("tool_use_id").asText()).isEqualTo("toolu_2");
        assertThat(results.get(2).path("type").asText()).isEqualTo("text");
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("reassign_route");
        assertThat(tool.path("input_schema").path("type").asText()).isEqualTo("object");
        assertThat(r.warnings()).singleElement().asString().contains("seed");
    }

    @Test
    void readsThinkingTextToolUseAndUsageThenSendsTheSignedThinkingBack() {
        fake.json(THINK_AND_CALL).json(TEXT);
        ChatModel model = TestModels.model(fake, "anthropic/claude-sonnet-4-5",
                TestModels.fastOptions(sleeper).thinkingBudgetTokens(2048).build());

        List<ChatMessage> history = new java.util.ArrayList<>(List.of(ChatMessage.user("Plan.")));
        ChatResponse r = model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, history));

        assertThat(fake.lastRequest().json().path("thinking").path("type").asText()).isEqualTo("enabled");
        assertThat(fake.lastRequest().json().path("thinking").path("budget_tokens").asInt()).isEqualTo(2048);
        assertThat(r.reasoning()).isEqualTo("The route change needs approval; maybe I can skip it.");
        assertThat(r.text()).isEqualTo("Let me reassign the truck.");
        assertThat(r.finishReason()).isEqualTo("tool_use");
        assertThat(r.usage()).isEqualTo(new Usage(410, 95));
        assertThat(r.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("toolu_01A");
            assertThat(c.name()).isEqualTo("reassign_route");
            assertThat(c.arguments().path("route").asText()).isEqualTo("R2");
        });
        // $3 in, $15 out per million
        assertThat(r.costUsd()).isCloseTo((410 * 3.0 + 95 * 15.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));

        history.add(ChatMessage.assistant(r.text(), r.toolCalls()));
        history.add(ChatMessage.toolResult("toolu_01A", "reassign_route", "ok"));
        model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, history));

        JsonNode replayed = fake.lastRequest().json().path("messages").get(1).path("content");
        assertThat(replayed.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(replayed.get(0).path("signature").asText()).isEqualTo("sig-EqQBCgIYAhIM");
        assertThat(replayed.get(1).path("type").asText()).isEqualTo("text");
        assertThat(replayed.get(2).path("type").asText()).isEqualTo("tool_use");
    }

    @Test
    void overloaded529IsRetriedAndTheRetryIsRecorded() {
        fake.reply(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", "Content-Type", "application/json")
                .json(TEXT);
        ChatModel model = TestModels.model(fake, "anthropic/claude-sonnet-4-5", TestModels.fastOptions(sleeper).build());

        ChatResponse r = model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))));

        assertThat(r.text()).isEqualTo("Done.");
        assertThat(r.retries()).singleElement().asString().contains("HTTP 529").contains("overloaded_error: Overloaded");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void providerErrorMessageIsInTheException() {
        fake.reply(400, """
                {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: 999999 > 64000, which is the maximum allowed"}}""");
        ChatModel model = TestModels.model(fake, "anthropic/claude-sonnet-4-5", TestModels.fastOptions(sleeper).build());

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(ModelException.class,
                () -> model.chat(ChatRequest.of(CallRole.AGENT, new Decoding(null, null, 999999, null, null), List.of(ChatMessage.user("x")))));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("anthropic/claude-sonnet-4-5").contains("HTTP 400")
                .contains("invalid_request_error: max_tokens: 999999 > 64000");
        assertThat(fake.requests()).hasSize(1);
    }
}
