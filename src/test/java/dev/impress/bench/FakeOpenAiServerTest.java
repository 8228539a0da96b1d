package dev.impress.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.impress.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTest {
    private static FakeOpenAiServer.Request read(String json) throws IOException {
        return FakeOpenAiServer.Request.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheModelTheFirstUserMessageAndTheAssistantTurnsOnly() throws IOException {
        var r = read("""
                {"model": "m-1", "temperature": 0.7, "tools": [{"type": "function", "function": {"name": "x", "parameters": {"type": "object"}}}],
                 "messages": [
                   {"role": "system", "content": "You are an agent."},
                   {"content": "first \\"user\\" prompt", "role": "user"},
                   {"role": "assistant", "content": "step 1", "tool_calls": [{"id": "c1"}]},
                   {"role": "tool", "content": "{\\"ok\\": true}"},
                   {"role": "user", "content": "a later user message"},
                   {"role": "assistant", "content": "step 2"}
                 ]}""");
        // the content of the first user message is kept even when it comes before its role
        assertThat(r).isEqualTo(new FakeOpenAiServer.Request("m-1", "first \"user\" prompt", 2));
        assertThat(read("{\"messages\": []}")).isEqualTo(new FakeOpenAiServer.Request("fake", "", 0));
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"messages\": [")).isInstanceOf(IOException.class);
    }

    @Test
    void answersAJudgeAndAnAgentAndRefusesABodyThatIsNotJson() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(new FakeOpenAiServer.Settings(0, 2, FakeOpenAiServer.Faults.NONE, 1));
             HttpClient client = HttpClient.newHttpClient()) {
            String agentPrompt = "Tools:\n- read_file: Reads a file.\n  Parameters: {\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}}\n";
            HttpResponse<String> agent = post(client, server, Json.write(Json.object().put("model", "a")
                    .set("messages", Json.array().add(Json.object().put("role", "user").put("content", agentPrompt)))));
            assertThat(agent.statusCode()).isEqualTo(200);
            String text = Json.parse(agent.body()).at("/choices/0/message/content").asText();
            assertThat(text).contains("<tool_code>{\"tool_name\": \"read_file\", \"parameters\": {\"path\":\"current\"}}</tool_code>");

            HttpResponse<String> judge = post(client, server, Json.write(Json.object().put("model", "j")
                    .set("messages", Json.array().add(Json.object().put("role", "user").put("content", "**Your Task:** judge this")))));
            assertThat(Json.parse(judge.body()).at("/choices/0/message/content").asText()).contains("\"execution_success\": \"Yes\"");
            assertThat(server.counts().agentCalls()).isEqualTo(1);
            assertThat(server.counts().judgeCalls()).isEqualTo(1);

            HttpResponse<String> bad = post(client, server, "not json");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("invalid_request_error");
        }
    }

    private static HttpResponse<String> post(HttpClient client, FakeOpenAiServer server, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
