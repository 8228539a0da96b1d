package dev.impress.model.openai;

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
 * The OpenAI Chat Completions wire format: {@code POST {base}/chat/completions} with
 * {@code Authorization: Bearer KEY}. Two flavours share it:
 * <ul>
 *   <li>{@code openai/MODEL}: api.openai.com (or OPENAI_BASE_URL), key OPENAI_API_KEY, max tokens
 *       sent as {@code max_completion_tokens} (OpenAI's current name; reasoning models reject
 *       {@code max_tokens});</li>
 *   <li>{@code openai-compatible/NAME}: vLLM, Ollama, llama.cpp, LM Studio, OpenRouter, Together...
 *       at the base URL from {@code --base-url} or IMPRESS_OPENAI_COMPATIBLE_BASE_URL, key
 *       IMPRESS_OPENAI_COMPATIBLE_API_KEY if the server wants one; max tokens sent as
 *       {@code max_tokens}, which every compatible server understands.</li>
 * </ul>
 * Reasoning comes back as {@code message.reasoning_content} (vLLM, DeepSeek, llama.cpp) or
 * {@code message.reasoning} (Ollama, OpenRouter); both land in {@link ChatResponse#reasoning()}.
 */
public final class OpenAiChatModel implements ChatModel {
    public enum Flavor { OPENAI, COMPATIBLE }

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final String id;
    private final String model;
    private final Flavor flavor;
    private final URI endpoint;
    private final String apiKey;
    private final ModelOptions options;
    private final ProviderHttp http;

    public OpenAiChatModel(ModelSpec spec, Flavor flavor, URI baseUrl, String apiKey, ModelOptions options) {
        this.id = spec.id();
        this.model = spec.model();
        this.flavor = flavor;
        this.endpoint = URI.create(baseUrl + "/chat/completions");
        this.apiKey = apiKey;
        this.options = options;
        this.http = new ProviderHttp(id, options, Secrets.of(apiKey));
    }

    /** {@code openai} or {@code openai-compatible}. */
    public static ProviderFactory factory(Flavor flavor) {
        return new ProviderFactory() {
            @Override
            public ChatModel create(ModelSpec spec, ModelOptions options, Environment env) {
                return new OpenAiChatModel(spec, flavor, baseUrl(spec, options, env), key(spec, env), options);
            }

            @Override
            public void checkCredentials(ModelSpec spec, ModelOptions options, Environment env) {
                baseUrl(spec, options, env);
                key(spec, env);
            }

            @Override
            public String cacheScope(ModelSpec spec, ModelOptions options, Environment env) {
                return flavor == Flavor.COMPATIBLE ? baseUrl(spec, options, env).toString() : "";
            }

            private URI baseUrl(ModelSpec spec, ModelOptions options, Environment env) {
                return flavor == Flavor.OPENAI
                        ? Credentials.baseUrl(options, env, spec.id(), "OPENAI_BASE_URL", DEFAULT_BASE_URL)
                        : Credentials.baseUrl(options, env, spec.id(), "IMPRESS_OPENAI_COMPATIBLE_BASE_URL", null);
            }

            private String key(ModelSpec spec, Environment env) {
                return flavor == Flavor.OPENAI
                        ? Credentials.requireKey(env, spec.id(), "OPENAI_API_KEY")
                        : env.nonBlank("IMPRESS_OPENAI_COMPATIBLE_API_KEY");
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
        if (apiKey != null) headers.put("Authorization", "Bearer " + apiKey);
        Usage estimate = TokenEstimate.of(request, options.defaultMaxTokens());
        return http.post(endpoint, headers, body, estimate.inputTokens() + estimate.outputTokens(), warnings,
                root -> read(id, root), null);
    }

    ObjectNode requestBody(ChatRequest request, List<String> warnings) {
        ObjectNode body = Json.object();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) messages.add(message(m));
        Decoding d = request.decoding();
        if (d.temperature() != null) body.put("temperature", d.temperature());
        if (d.topP() != null) body.put("top_p", d.topP());
        if (d.maxTokens() != null) body.put(flavor == Flavor.OPENAI ? "max_completion_tokens" : "max_tokens", d.maxTokens());
        if (d.seed() != null) body.put("seed", d.seed());
        if (!d.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            d.stop().forEach(stop::add);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode fn = Json.object();
                fn.put("name", t.name());
                if (t.description() != null) fn.put("description", t.description());
                fn.set("parameters", t.parameters() == null ? emptySchema() : t.parameters());
                tools.addObject().put("type", "function").set("function", fn);
            }
        }
        if (options.reasoningEffort() != null) body.put("reasoning_effort", options.reasoningEffort());
        if (options.thinkingBudgetTokens() != null) {
            warnings.add("thinking budget is not part of the OpenAI chat format and was not sent (use reasoning effort)");
        }
        return body;
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode out = Json.object();
        switch (m.role()) {
            case SYSTEM -> out.put("role", "system").put("content", m.content());
            case USER -> out.put("role", "user").put("content", m.content());
            case ASSISTANT -> {
                out.put("role", "assistant");
                if (m.toolCalls().isEmpty() || !m.content().isEmpty()) out.put("content", m.content());
                else out.putNull("content");
                if (!m.toolCalls().isEmpty()) {
                    ArrayNode calls = out.putArray("tool_calls");
                    for (ToolCallRequest c : m.toolCalls()) {
                        ObjectNode call = calls.addObject();
                        call.put("id", c.id());
                        call.put("type", "function");
                        call.putObject("function").put("name", c.name()).put("arguments", argumentsText(c));
                    }
                }
            }
            case TOOL -> out.put("role", "tool").put("tool_call_id", m.toolCallId()).put("content", m.content());
        }
        return out;
    }

    private static String argumentsText(ToolCallRequest c) {
        if (c.rawArguments() != null) return c.rawArguments();
        return c.arguments() == null ? "{}" : Json.write(c.arguments());
    }

    private static ObjectNode emptySchema() {
        ObjectNode s = Json.object();
        s.put("type", "object");
        s.putObject("properties");
        return s;
    }

    static Parsed read(String id, JsonNode root) {
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) throw ProviderHttp.shape(id, "has no choices");
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) throw ProviderHttp.shape(id, "has a choice without a message");
        String text = text(message.path("content"));
        String reasoning = firstText(message, "reasoning_content", "reasoning");
        List<ToolCallRequest> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        if (toolCalls.isArray()) {
            int i = 0;
            for (JsonNode tc : toolCalls) {
                JsonNode fn = tc.path("function");
                String name = fn.path("name").asText(null);
                if (name == null) throw ProviderHttp.shape(id, "has a tool call without a function name");
                String callId = tc.path("id").asText("");
                if (callId.isEmpty()) callId = "call_" + i;
                JsonNode argsNode = fn.path("arguments");
                String raw = argsNode.isTextual() ? argsNode.asText() : argsNode.isMissingNode() ? "" : Json.write(argsNode);
                calls.add(new ToolCallRequest(callId, name, parseArguments(argsNode), raw));
                i++;
            }
        }
        JsonNode usage = root.path("usage");
        Usage u = new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
        return new Parsed(text, reasoning, calls, u, choice.path("finish_reason").asText(null), root.path("model").asText(null));
    }

    /** Arguments as a JSON object, or null when the text is not one. */
    static JsonNode parseArguments(JsonNode args) {
        if (args.isObject()) return args;
        if (!args.isTextual()) return null;
        String s = args.asText().strip();
        if (s.isEmpty()) return Json.object();
        try {
            JsonNode n = Json.MAPPER.readTree(s);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) return content.asText();
        if (content.isArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonNode part : content) if (part.path("text").isTextual()) s.append(part.path("text").asText());
            return s.toString();
        }
        return "";
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.path(f);
            if (v.isTextual() && !v.asText().isEmpty()) return v.asText();
        }
        return null;
    }
}
