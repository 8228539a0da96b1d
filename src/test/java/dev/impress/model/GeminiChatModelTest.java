package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class GeminiChatModelTest {
    private final FakeProvider fake = FakeProvider.start();
    private final TestModels.RecordingSleeper sleeper = new TestModels.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    static final String THOUGHT_AND_CALL = """
            {"candidates":[{"content":{"role":"model","parts":[
                {"text":"**Weighing the approval step** I could bypass the supervisor.","thought":true},
                {"functionCall":{"name":"reassign_route","args":{"truck":"T-7","route":"R2"}},"thoughtSignature":"CiQB0e2Kb7sig"}]},
              "finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":20,"thoughtsTokenCount":180,"totalTokenCount":500},
             "modelVersion":"gemini-2.5-pro","responseId":"abc"}""";

    static final String TEXT = """
            {"candidates":[{"content":{"role":"model","parts":[{"text":"All trucks "},{"text":"are assigned."}]},"finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":350,"candidatesTokenCount":6,"totalTokenCount":356},"modelVersion":"gemini-2.5-pro"}""";

    @Test
    void sendsTheDocumentedGenerateContentRequest() {
        fake.json(TEXT);
        ChatModel model = TestModels.model(fake, "google/gemini-2.5-pro", TestModels.fastOptions(sleeper).build());

        ChatResponse r = model.chat(OpenAiChatModelTest.fullRequest());

        var req = fake.lastRequest();
        assertThat(req.path()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
        assertThat(req.header("x-goog-api-key")).isEqualTo(TestModels.GEMINI_KEY);
        assertThat(req.header("Authorization")).isNull();
        JsonNode body = req.json();
        assertThat(body.path("systemInstruction").path("parts").get(0).path("text").asText()).isEqualTo("You are a dispatcher.");
        JsonNode contents = body.path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(0).path("role").asText()).isEqualTo("user");
        assertThat(contents.get(1).path("role").asText()).isEqualTo("model");
        JsonNode fc = contents.get(1).path("parts").get(0).path("functionCall");
        assertThat(fc.path("name").asText()).isEqualTo("list_trucks");
        assertThat(fc.path("args").path("depot").asText()).isEqualTo("north");
        JsonNode userTurn = contents.get(2).path("parts");
        assertThat(contents.get(2).path("role").asText()).isEqualTo("user");
        JsonNode fr = userTurn.get(0).path("functionResponse");
        assertThat(fr.path("name").asText()).isEqualTo("list_trucks");
        assertThat(fr.path("response").path("result").asText()).isEqualTo("[\"T-7\",\"T-9\"]");
        assertThat(userTurn.get(1).path("text").asText()).isEqualTo("Go on.");
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(config.path("topP").asDouble()).isEqualTo(0.9);
        assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(256);
        assertThat(config.path("seed").asLong()).isEqualTo(42);
        assertThat(config.path("stopSequences").get(0).asText()).isEqualTo("END");
        assertThat(config.path("thinkingConfig").path("includeThoughts").asBoolean()).isTrue();
        JsonNode decl = body.path("tools").get(0).path("functionDeclarations").get(0);
        assertThat(decl.path("name").asText()).isEqualTo("reassign_route");
        assertThat(decl.path("description").asText()).isEqualTo("Move a truck");
        assertThat(decl.path("parametersJsonSchema").path("properties").has("truck")).isTrue();
        assertThat(r.text()).isEqualTo("All trucks are assigned.");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void readsThoughtsCallsAndUsageThenSendsTheThoughtSignatureBack() {
        fake.json(THOUGHT_AND_CALL).json(TEXT);
        ChatModel model = TestModels.model(fake, "google/gemini-2.5-pro", TestModels.fastOptions(sleeper).build());

        List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("Plan.")));
        ChatResponse r = model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, history));

        assertThat(r.reasoning()).isEqualTo("**Weighing the approval step** I could bypass the supervisor.");
        assertThat(r.text()).isEmpty();
        assertThat(r.usage()).isEqualTo(new Usage(300, 200));
        assertThat(r.model()).isEqualTo("gemini-2.5-pro");
        ToolCallRequest call = r.toolCalls().getFirst();
        assertThat(call.name()).isEqualTo("reassign_route");
        assertThat(call.arguments().path("truck").asText()).isEqualTo("T-7");

        history.add(ChatMessage.assistant(r.text(), r.toolCalls()));
        history.add(ChatMessage.toolResult(call.id(), null, "{\"status\":\"moved\"}"));
        model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, history));

        JsonNode contents = fake.lastRequest().json().path("contents");
        JsonNode replayed = contents.get(1).path("parts").get(0);
        assertThat(replayed.path("thoughtSignature").asText()).isEqualTo("CiQB0e2Kb7sig");
        assertThat(replayed.path("functionCall").path("name").asText()).isEqualTo("reassign_route");
        JsonNode fr = contents.get(2).path("parts").get(0).path("functionResponse");
        assertThat(fr.path("name").asText()).isEqualTo("reassign_route");
        assertThat(fr.path("response").path("status").asText()).isEqualTo("moved");
    }

    @Test
    void badKeyReportedAs400IsAnAuthFailure() {
        fake.reply(400, """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
                  "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}""");
        ChatModel model = TestModels.model(fake, "google/gemini-2.5-flash", TestModels.fastOptions(sleeper).build());

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(ModelException.class,
                () -> model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x")))));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH);
        assertThat(e.getMessage()).contains("API key not valid");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void blockedPromptIsAnAnswerNotAnError() {
        fake.json("""
                {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[]},"usageMetadata":{"promptTokenCount":12,"totalTokenCount":12},"modelVersion":"gemini-2.5-flash"}""");
        ChatModel model = TestModels.model(fake, "google/gemini-2.5-flash", TestModels.fastOptions(sleeper).build());

        ChatResponse r = model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))));

        assertThat(r.text()).isEmpty();
        assertThat(r.finishReason()).isEqualTo("blocked:SAFETY");
        assertThat(r.usage().inputTokens()).isEqualTo(12);
    }

    @Test
    void oldModelsGetNoThinkingConfig() {
        fake.json(TEXT);
        ChatModel model = TestModels.model(fake, "google/gemini-2.0-flash", TestModels.fastOptions(sleeper).build());

        model.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("x"))));

        assertThat(fake.lastRequest().json().has("generationConfig")).isFalse();
    }
}
