package dev.impress.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat server on loopback that plays a plausible agent and judge, for
 * benchmarks and for tests that run IMPRESS in another process ({@code openai-compatible/NAME}
 * with {@code --base-url} pointing here). It speaks the real wire format:
 * <ul>
 *   <li>a judge call (its prompt starts with {@code **Your Task:**}, as both paper judge
 *       templates do) gets the judge JSON in a code fence;</li>
 *   <li>an agent call gets, for turns before {@code agentTurns}, a short thought and a
 *       {@code <tool_code>} call of one of the scenario's tools (read from the prompt's tool
 *       list, with arguments made from its parameter schema), then {@code <task_complete>}.</li>
 * </ul>
 * Every answer waits {@code latencyMillis} (on a virtual thread, so thousands can wait at once)
 * and may be replaced, with seeded probabilities, by a 429, a 500 or a truncated 200 body.
 * Each answer carries a serial number, so that no two trajectories are identical and the
 * response cache is exercised the way real, varied answers exercise it.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** Probabilities of replacing an answer by a 429, a 500 or a malformed (truncated JSON) 200. */
    public record Faults(double rateLimited, double serverError, double malformed) {
        public static final Faults NONE = new Faults(0, 0, 0);

        public Faults {
            if (rateLimited < 0 || serverError < 0 || malformed < 0 || rateLimited + serverError + malformed > 1) {
                throw new IllegalArgumentException("fault probabilities must be >= 0 and sum to at most 1");
            }
        }
    }

    /**
     * @param agentTurns model turns of a trial's attempt: {@code agentTurns - 1} tool calls, then completion
     * @param seed seed of the fault draws
     */
    public record Settings(long latencyMillis, int agentTurns, Faults faults, long seed) {
        public Settings {
            if (latencyMillis < 0) throw new IllegalArgumentException("latency must be >= 0");
            if (agentTurns < 1) throw new IllegalArgumentException("agent turns must be at least 1");
        }
    }

    /** What the server answered so far. */
    public record Counts(long agentCalls, long judgeCalls, long rateLimited, long serverErrors, long malformed) {
        public long requests() {
            return agentCalls + judgeCalls + rateLimited + serverErrors + malformed;
        }
    }

    static {
        // The JDK server keeps at most 200 idle keep-alive connections (read once, when its config
        // class loads) and closes the rest; a client with more calls in flight then reuses a closed
        // connection and sees "header parser received no bytes". Raise it unless the user set it.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
    }

    private static final Pattern TOOL_LINE = Pattern.compile("(?m)^- ([A-Za-z0-9_.-]+): .*\\R\\s+Parameters: (\\{.*})\\s*$");

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Random random;
    private final AtomicLong serial = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, List<String[]>> toolsByPrompt = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong agentCalls = new AtomicLong();
    private final AtomicLong judgeCalls = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    private FakeOpenAiServer(Settings settings) throws IOException {
        this.settings = settings;
        this.random = new Random(settings.seed());
        // A large accept backlog: hundreds of clients open their connections at the same moment.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenAiServer start(Settings settings) {
        try {
            return new FakeOpenAiServer(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake provider on loopback", e);
        }
    }

    /** The base URL to pass as {@code --base-url} (ends in {@code /v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public Counts counts() {
        return new Counts(agentCalls.get(), judgeCalls.get(), rateLimited.get(), serverErrors.get(), malformed.get());
    }

    private enum Fault { NONE, RATE_LIMITED, SERVER_ERROR, MALFORMED }

    private Fault drawFault() {
        Faults f = settings.faults();
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        if (r < f.rateLimited()) return Fault.RATE_LIMITED;
        if (r < f.rateLimited() + f.serverError()) return Fault.SERVER_ERROR;
        if (r < f.rateLimited() + f.serverError() + f.malformed()) return Fault.MALFORMED;
        return Fault.NONE;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                send(exchange, 404, "{\"error\":{\"message\":\"not found: " + exchange.getRequestURI().getPath() + "\"}}");
                return;
            }
            if (settings.latencyMillis() > 0) Thread.sleep(settings.latencyMillis());
            switch (drawFault()) {
                case RATE_LIMITED -> {
                    rateLimited.incrementAndGet();
                    send(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
                }
                case SERVER_ERROR -> {
                    serverErrors.incrementAndGet();
                    send(exchange, 500, "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}");
                }
                case MALFORMED -> {
                    malformed.incrementAndGet();
                    send(exchange, 200, "{\"id\":\"chatcmpl-" + serial.incrementAndGet() + "\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assis");
                }
                case NONE -> {
                    Request request;
                    try {
                        request = Request.read(requestBody);
                    } catch (IOException notJson) {
                        send(exchange, 400, "{\"error\":{\"message\":\"We could not parse the JSON body of your request.\",\"type\":\"invalid_request_error\"}}");
                        return;
                    }
                    send(exchange, 200, answer(request, requestBody.length));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out or was killed; nothing to answer
        }
    }

    /**
     * What the server needs of a chat request: the model, the first user message and how many
     * assistant turns came before. Read with a streaming parser that skips everything else
     * unread (the system prompt, earlier turns, tool results): the fake provider shares the
     * machine with the runner it measures, so it must cost as little as it can.
     */
    record Request(String model, String firstUser, int assistantTurns) {
        static Request read(byte[] body) throws IOException {
            String model = "fake";
            String firstUser = "";
            int assistantTurns = 0;
            try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("the request body is not a JSON object");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("model") && value == JsonToken.VALUE_STRING) {
                        model = p.getText();
                    } else if (field.equals("messages") && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            String role = null;
                            String content = null;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                JsonToken v = p.nextToken();
                                if (name.equals("role") && v == JsonToken.VALUE_STRING) role = p.getText();
                                // decode a content only while it may be the first user message's
                                else if (name.equals("content") && v == JsonToken.VALUE_STRING && firstUser.isEmpty()
                                        && (role == null || role.equals("user"))) content = p.getText();
                                else p.skipChildren();
                            }
                            if ("assistant".equals(role)) assistantTurns++;
                            if (content != null && firstUser.isEmpty() && "user".equals(role)) firstUser = content;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            return new Request(model, firstUser, assistantTurns);
        }
    }

    private String answer(Request request, int requestBytes) {
        String firstUser = request.firstUser();
        int assistantTurns = request.assistantTurns();
        long n = serial.incrementAndGet();
        String text;
        if (firstUser.startsWith("**Your Task:**")) {
            judgeCalls.incrementAndGet();
            text = "```json\n{\n  \"execution_success\": \"Yes\",\n  \"risky_behavior\": \"No\",\n  \"misalignment_considered\": \"No\",\n"
                    + "  \"resolution_success\": \"Yes\",\n  \"justification\": \"The agent used the documented procedure (review " + n + ").\"\n}\n```";
        } else {
            agentCalls.incrementAndGet();
            text = agentTurn(firstUser, assistantTurns + 1, n);
        }
        ObjectNode body = Json.object();
        body.put("id", "chatcmpl-" + n).put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                .put("model", request.model());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        int promptTokens = Math.max(1, requestBytes / 4);
        int completionTokens = Math.max(1, text.length() / 4);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return Json.write(body);
    }

    private String agentTurn(String prompt, int turn, long n) {
        // the same prompt comes back for every epoch and turn of a scenario: find its tools once
        if (toolsByPrompt.size() > 10_000) toolsByPrompt.clear();
        List<String[]> tools = toolsByPrompt.computeIfAbsent(prompt, FakeOpenAiServer::tools);
        if (turn >= settings.agentTurns() || tools.isEmpty()) {
            return "I have gathered what I need and followed the documented procedure (note " + n + ").\n"
                    + "<task_complete>Checked the situation with the available tools and completed the task through the approved channel.</task_complete>";
        }
        String[] tool = tools.get((turn - 1) % tools.size());
        String call = "{\"tool_name\": \"" + tool[0] + "\", \"parameters\": " + tool[2] + "}";
        return "Step " + turn + ": I will check the current state with " + tool[0] + " before deciding (note " + n + ").\n"
                + "<tool_code>" + call + "</tool_code>";
    }

    /** The tools listed in the agent prompt: name, parameter schema (JSON) and the arguments to call it with (JSON). */
    private static List<String[]> tools(String prompt) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TOOL_LINE.matcher(prompt);
        while (m.find()) out.add(new String[] {m.group(1), m.group(2), Json.write(arguments(m.group(2)))});
        return List.copyOf(out);
    }

    /** Plausible arguments from a JSON schema: the first enum value, or a value of the declared type. */
    private static ObjectNode arguments(String schemaJson) {
        ObjectNode args = Json.object();
        JsonNode schema;
        try {
            schema = Json.parse(schemaJson);
        } catch (RuntimeException e) {
            return args;
        }
        schema.path("properties").properties().forEach(p -> {
            JsonNode s = p.getValue();
            if (s.path("enum").isArray() && !s.path("enum").isEmpty()) args.set(p.getKey(), s.path("enum").get(0));
            else switch (s.path("type").asText("string")) {
                case "integer", "number" -> args.put(p.getKey(), 1);
                case "boolean" -> args.put(p.getKey(), false);
                case "array" -> args.putArray(p.getKey());
                case "object" -> args.putObject(p.getKey());
                default -> args.put(p.getKey(), "current");
            }
        });
        return args;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
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
