package dev.impress.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import dev.impress.model.ChatMessage;
import dev.impress.model.ChatModel;
import dev.impress.model.ChatRequest;
import dev.impress.model.ChatResponse;
import dev.impress.model.Credentials;
import dev.impress.model.Decoding;
import dev.impress.model.Environment;
import dev.impress.model.ModelOptions;
import dev.impress.model.ModelSpec;
import dev.impress.model.ProviderFactory;
import dev.impress.model.TokenEstimate;
import dev.impress.model.ToolCallRequest;
import dev.impress.model.ToolDefinition;
import dev.impress.model.Usage;
import dev.impress.model.http.Parsed;
import dev.impress.model.http.ProviderHttp;
import dev.impress.model.http.Secrets;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Anthropic Messages wire format: {@code POST {base}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}. System messages go to the top-level {@code system}
 * field; {@code max_tokens} is required (the request's, else {@link ModelOptions#defaultMaxTokens()});
 * tool results are {@code tool_result} blocks in a user message, and consecutive messages of the
 * same role are merged into one message of several blocks. There is no seed: a requested seed is
 * not sent and is named in {@link ChatResponse#warnings()}.
 *
 * <p>With {@link ModelOptions#thinkingBudgetTokens()} set, extended thinking is requested; the
 * {@code thinking} blocks of the answer become {@link ChatResponse#reasoning()}. When the answer
 * also calls tools, its signed thinking blocks are kept in the first call's
 * {@link ToolCallRequest#providerData()} and sent back before the tool calls in the next turn,
 * as the API requires.
 */
public final class AnthropicChatModel implements ChatModel {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String API_VERSION = "2023-06-01";

    private final String id;
    private final String model;
    private final URI endpoint;
    private final String apiKey;
    private final ModelOptions options;
    private final ProviderHttp http;

    public AnthropicChatModel(ModelSpec spec, URI baseUrl, String apiKey, ModelOptions options) {
        this.id = spec.id();
        this.model = spec.model();
        this.endpoint = URI.create(baseUrl + "/v1/messages");
        this.apiKey = apiKey;
        this.options = options;
        this.http = new ProviderHttp(id, options, Secrets.of(apiKey));
    }

    public static ProviderFactory factory() {
        return new ProviderFactory() {
            @Override
            public ChatModel create(ModelSpec spec, ModelOptions options, Environment env) {
                return new AnthropicChatModel(spec, baseUrl(spec, options, env), Credentials.requireKey(env, spec.id(), "ANTHROPIC_API_KEY"), options);
            }

            @Override
            public void checkCredentials(ModelSpec spec, ModelOptions options, Environment env) {
                baseUrl(spec, options, env);
                Credentials.requireKey(env, spec.id(), "ANTHROPIC_API_KEY");
            }

            private URI baseUrl(ModelSpec spec, ModelOptions options, Environment env) {
                return Credentials.baseUrl(options, env, spec.id(), "ANTHROPIC_BASE_URL", DEFAULT_BASE_URL);
            }
        };
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        List<String> warnings = new ArrayList<>();
        String body = Json.write(requestBody(request, warnings));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", apiKey);
        headers.put("anthropic-version", API_VERSION);
        Usage estimate = TokenEstimate.of(request, options.defaultMaxTokens());
        return http.post(endpoint, headers, body, estimate.inputTokens() + estimate.outputTokens(), warnings,
                root -> read(id, root), null);
    }

    ObjectNode requestBody(ChatRequest request, List<String> warnings) {
        ObjectNode body = Json.object();
        body.put("model", model);
        Decoding d = request.decoding();
        int maxTokens = d.maxTokens() != null ? d.maxTokens() : options.defaultMaxTokens();
        body.put("max_tokens", maxTokens);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        ObjectNode current = null;
        String currentRole = null;
        for (ChatMessage m : request.messages()) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                if (!system.isEmpty()) system.append("\n\n");
                system.append(m.content());
                continue;
            }
            String role = m.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user";
            if (!role.equals(currentRole)) {
                current = messages.addObject();
                current.put("role", role);
                current.putArray("content");
                currentRole = role;
            }
            addBlocks((ArrayNode) current.get("content"), m);
        }
        if (!system.isEmpty()) body.put("system", system.toString());
        if (d.temperature() != null) body.put("temperature", d.temperature());
        if (d.topP() != null) body.put("top_p", d.topP());
        if (!d.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            d.stop().forEach(stop::add);
        }
        if (d.seed() != null) warnings.add("seed is not supported by Anthropic and was not sent");
        if (options.reasoningEffort() != null) warnings.add("reasoning effort is not supported by Anthropic and was not sent (use the thinking budget)");
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode tool = tools.addObject();
                tool.put("name", t.name());
                if (t.description() != null) tool.put("description", t.description());
                tool.set("input_schema", t.parameters() == null ? emptySchema() : t.parameters());
            }
        }
        Integer thinking = options.thinkingBudgetTokens();
        if (thinking != null && thinking > 0) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", thinking);
        }
        return body;
    }

    private static void addBlocks(ArrayNode content, ChatMessage m) {
        switch (m.role()) {
            case USER -> addText(content, m.content());
            case ASSISTANT -> {
                if (!m.toolCalls().isEmpty()) {
                    JsonNode data = m.toolCalls().getFirst().providerData();
                    if (data != null && data.path("thinking").isArray()) data.get("thinking").forEach(content::add);
                }
                addText(content, m.content());
                for (ToolCallRequest c : m.toolCalls()) {
                    ObjectNode use = content.addObject();
                    use.put("type", "tool_use");
                    use.put("id", c.id());
                    use.put("name", c.name());
                    use.set("input", c.arguments() != null && c.arguments().isObject() ? c.arguments() : Json.object());
                }
            }
            case TOOL -> {
                ObjectNode result = content.addObject();
                result.put("type", "tool_result");
                result.put("tool_use_id", m.toolCallId());
                result.put("content", m.content());
            }
            case SYSTEM -> throw new IllegalStateException("system messages go to the system field");
        }
    }

    /** The API rejects empty text blocks, so empty text is left out. */
    private static void addText(ArrayNode content, String text) {
        if (!text.isEmpty()) content.addObject().put("type", "text").put("text", text);
    }

    private static ObjectNode emptySchema() {
        ObjectNode s = Json.object();
        s.put("type", "object");
        s.putObject("properties");
        return s;
    }

    static Parsed read(String id, JsonNode root) {
        JsonNode content = root.path("content");
        if (!content.isArray()) throw ProviderHttp.shape(id, "has no content array");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode thinkingBlocks = Json.array();
        List<JsonNode> uses = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText("")) {
                case "text" -> text.append(block.path("text").asText(""));
                case "thinking" -> {
                    if (!reasoning.isEmpty()) reasoning.append("\n\n");
                    reasoning.append(block.path("thinking").asText(""));
                    thinkingBlocks.add(block);
                }
                case "redacted_thinking" -> thinkingBlocks.add(block);
                case "tool_use" -> uses.add(block);
                default -> { /* server tools and future block types carry nothing we use */ }
            }
        }
        List<ToolCallRequest> calls = new ArrayList<>();
        for (JsonNode use : uses) {
            String name = use.path("name").asText(null);
            if (name == null) throw ProviderHttp.shape(id, "has a tool_use block without a name");
            JsonNode input = use.path("input");
            JsonNode data = null;
            if (calls.isEmpty() && !thinkingBlocks.isEmpty()) {
                ObjectNode d = Json.object();
                d.set("thinking", thinkingBlocks);
                data = d;
            }
            calls.add(new ToolCallRequest(use.path("id").asText("toolu_" + calls.size()), name,
                    input.isObject() ? input : null, input.isMissingNode() ? "" : Json.write(input), data));
        }
        JsonNode usage = root.path("usage");
        long input = usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
        Usage u = new Usage(input, usage.path("output_tokens").asLong(0));
        return new Parsed(text.toString(), reasoning.isEmpty() ? null : reasoning.toString(), calls, u,
                root.path("stop_reason").asText(null), root.path("model").asText(null));
    }
}
