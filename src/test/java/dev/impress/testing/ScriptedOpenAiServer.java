package dev.impress.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for end-to-end tests that script
 * every answer (the benchmark's dev.impress.bench.FakeOpenAiServer plays a generic agent instead): it answers
 * each request with the text a responder computes from the request body (the whole
 * conversation), in the real response shape with usage. Requests are recorded.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {
    private final HttpServer server;
    private final Function<JsonNode, String> responder;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());

    public ScriptedOpenAiServer(Function<JsonNode, String> responder) throws IOException {
        this.responder = responder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** The base URL to give as --base-url (ends with /v1). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The text of the first user message of a request (the prompt of an agent or a judge). */
    public static String firstUserMessage(JsonNode request) {
        for (JsonNode m : request.path("messages")) if (m.path("role").asText().equals("user")) return m.path("content").asText();
        return "";
    }

    /** How many assistant turns the conversation already has. */
    public static int assistantTurns(JsonNode request) {
        int n = 0;
        for (JsonNode m : request.path("messages")) if (m.path("role").asText().equals("assistant")) n++;
        return n;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        String text = responder.apply(request);
        var body = Json.object();
        body.put("id", "chatcmpl-" + requests.size()).put("object", "chat.completion").put("created", 1764000000L)
                .put("model", request.path("model").asText());
        var choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", Math.max(1, text.length() / 4)).put("total_tokens", 1000);
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
