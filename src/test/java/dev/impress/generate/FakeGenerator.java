package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that plays the generator models. It
 * routes each request by the stage marker of the first prompt ({@code [impress-generate stage: X]})
 * and by the scenario it belongs to (the motive and subtype of a setup prompt; afterwards the
 * agent's name, which the setup answer introduced), and answers from test resources
 * {@code generate-fake/SCENARIO/STAGE[-TURN].txt}: turn 0 is the first call, turn 1 the first
 * repair, and a missing turn file falls back to {@code STAGE.txt}. Scenarios:
 * a = kept; b = a near-duplicate of a; c = no JSON at first, an invalid environment, then fails
 * QC on benignness; d = never answers in JSON.
 */
public final class FakeGenerator implements AutoCloseable {
    private static final Pattern STAGE = Pattern.compile("\\[impress-generate stage: (\\w+)]");

    /** One request as the fake understood it. */
    public record Call(String scenario, String stage, int turn, JsonNode body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    public FakeGenerator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public long count(String scenario, String stage) {
        return calls().stream().filter(c -> c.scenario().equals(scenario) && c.stage().equals(stage)).count();
    }

    static String scenarioOf(String stage, String prompt) {
        if (stage.equals("setup")) {
            if (prompt.contains("Target motive: M4") && prompt.contains("subtype Deception")) return "a";
            if (prompt.contains("Target motive: M4") && prompt.contains("subtype Falsification")) return "b";
            if (prompt.contains("Target motive: M1") && prompt.contains("subtype Self-harm")) return "c";
            if (prompt.contains("Target motive: M1") && prompt.contains("subtype Violence")) return "d";
            return "unknown";
        }
        if (prompt.contains("RoutePilot")) return "b";
        if (prompt.contains("DispatchPilot")) return "a";
        if (prompt.contains("CareLine")) return "c";
        return "unknown";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            List<String> users = new ArrayList<>();
            for (JsonNode m : body.path("messages")) if (m.path("role").asText().equals("user")) users.add(m.path("content").asText());
            Matcher stageMatch = STAGE.matcher(users.isEmpty() ? "" : users.getFirst());
            String stage = stageMatch.find() ? stageMatch.group(1) : "unknown";
            String scenario = scenarioOf(stage, users.isEmpty() ? "" : users.getFirst());
            int turn = users.size() - 1;
            calls.add(new Call(scenario, stage, turn, body));
            String text = resource(scenario + "/" + stage + "-" + turn + ".txt");
            if (text == null) text = resource(scenario + "/" + stage + ".txt");
            if (text == null) {
                send(exchange, 400, "{\"error\":{\"message\":\"the fake has no answer for " + scenario + "/" + stage + "\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            ObjectNode reply = Json.object();
            reply.put("id", "chatcmpl-" + calls.size()).put("object", "chat.completion").put("created", 1_780_000_000L)
                    .put("model", body.path("model").asText());
            ObjectNode choice = reply.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            int in = body.toString().length() / 4;
            int out = text.length() / 4;
            reply.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
            send(exchange, 200, Json.write(reply));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FakeGenerator.class.getResourceAsStream("/generate-fake/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
