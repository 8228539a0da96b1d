package dev.impress.model.gemini;

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
import dev.impress.model.ModelException;
import dev.impress.model.ModelOptions;
import dev.impress.model.ModelSpec;
import dev.impress.model.ProviderFactory;
import dev.impress.model.TokenEstimate;
import dev.impress.model.ToolCallRequest;
import dev.impress.model.ToolDefinition;
import dev.impress.model.Usage;
import dev.impress.model.http.ErrorBodies;
import dev.impress.model.http.Parsed;
import dev.impress.model.http.ProviderHttp;
import dev.impress.model.http.Secrets;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gemini API wire format: {@code POST {base}/v1beta/models/{model}:generateContent} with
 * {@code x-goog-api-key}. Messages become {@code contents} with roles {@code user}/{@code model}
 * (tool results are {@code functionResponse} parts in a user turn), system messages the
 * {@code systemInstruction}, decoding the {@code generationConfig}, tools
 * {@code tools[].functionDeclarations} with the JSON Schema in {@code parametersJsonSchema}.
 *
 * <p>Thought summaries ({@code thought: true} parts) are asked for with
 * {@code thinkingConfig.includeThoughts} (on by default, except for the Gemini 1.x/2.0 models that
 * do not think) and become {@link ChatResponse#reasoning()}; {@code thoughtsTokenCount} counts as
 * output. A function call's {@code thoughtSignature} (and id) is kept in
 * {@link ToolCallRequest#providerData()} and sent back with the call, which Gemini 3 requires.
 * A prompt blocked by safety filters is an answer (empty text, finish reason
 * {@code blocked:REASON}), not an error.
 */
public final class GeminiChatModel implements ChatModel {
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    private final String id;
    private final String model;
    private final URI endpoint;
    private final String apiKey;
    private final ModelOptions options;
    private final ProviderHttp http;

    public GeminiChatModel(ModelSpec spec, URI baseUrl, String apiKey, ModelOptions options) {
        this.id = spec.id();
        this.model = spec.model().startsWith("models/") ? spec.model().substring("models/".length()) : spec.model();
        this.endpoint = URI.create(baseUrl + "/v1beta/models/" + model + ":generateContent");
        this.apiKey = apiKey;
        this.options = options;
        this.http = new ProviderHttp(id, options, Secrets.of(apiKey));
    }

    public static ProviderFactory factory() {
        return new ProviderFactory() {
            @Override
            public ChatModel create(ModelSpec spec, ModelOptions options, Environment env) {
                return new GeminiChatModel(spec, baseUrl(spec, options, env), key(spec, env), options);
            }

            @Override
            public void checkCredentials(ModelSpec spec, ModelOptions options, Environment env) {
                baseUrl(spec, options, env);
                key(spec, env);
            }

            private URI baseUrl(ModelSpec spec, ModelOptions options, Environment env) {
                return Credentials.baseUrl(options, env, spec.id(), "GEMINI_BASE_URL", DEFAULT_BASE_URL);
            }

            private String key(ModelSpec spec, Environment env) {
                return Credentials.requireKey(env, spec.id(), "GEMINI_API_KEY", "GOOGLE_API_KEY");
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
        headers.put("x-goog-api-key", apiKey);
        Usage estimate = TokenEstimate.of(request, options.defaultMaxTokens());
        return http.post(endpoint, headers, body, estimate.inputTokens() + estimate.outputTokens(), warnings,
                root -> read(id, root), GeminiChatModel::refine);
    }

    /** Gemini answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID: that is an auth failure. */
    private static ModelException.Kind refine(int status, String body, ModelException.Kind kind) {
        if (status == 400 && (body.contains("API_KEY_INVALID") || ErrorBodies.message(body).contains("API key not valid"))) {
            return ModelException.Kind.AUTH;
        }
        return kind;
    }

    ObjectNode requestBody(ChatRequest request, List<String> warnings) {
        ObjectNode body = Json.object();
        StringBuilder system = new StringBuilder();
        ArrayNode contents = body.putArray("contents");
        Map<String, ToolCallRequest> callsById = new HashMap<>();
        ObjectNode current = null;
        String currentRole = null;
        for (ChatMessage m : request.messages()) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                if (!system.isEmpty()) system.append("\n\n");
                system.append(m.content());
                continue;
            }
            String role = m.role() == ChatMessage.Role.ASSISTANT ? "model" : "user";
            if (!role.equals(currentRole)) {
                current = contents.addObject();
                current.put("role", role);
                current.putArray("parts");
                currentRole = role;
            }
            ArrayNode parts = (ArrayNode) current.get("parts");
            switch (m.role()) {
                case USER -> parts.addObject().put("text", m.content());
                case ASSISTANT -> {
                    if (!m.content().isEmpty()) parts.addObject().put("text", m.content());
                    for (ToolCallRequest c : m.toolCalls()) {
                        callsById.put(c.id(), c);
                        ObjectNode part = parts.addObject();
                        ObjectNode fc = part.putObject("functionCall");
                        fc.put("name", c.name());
                        fc.set("args", c.arguments() != null && c.arguments().isObject() ? c.arguments() : Json.object());
                        JsonNode data = c.providerData();
                        if (data != null && data.path("id").isTextual()) fc.put("id", data.get("id").asText());
                        if (data != null && data.path("thoughtSignature").isTextual()) {
                            part.put("thoughtSignature", data.get("thoughtSignature").asText());
                        }
                    }
                }
                case TOOL -> {
                    ToolCallRequest call = callsById.get(m.toolCallId());
                    String name = m.toolName() != null ? m.toolName() : call != null ? call.name() : m.toolCallId();
                    ObjectNode fr = parts.addObject().putObject("functionResponse");
                    fr.put("name", name);
                    JsonNode data = call == null ? null : call.providerData();
                    if (data != null && data.path("id").isTextual()) fr.put("id", data.get("id").asText());
                    fr.set("response", responseObject(m.content()));
                }
                case SYSTEM -> throw new IllegalStateException("handled above");
            }
        }
        if (!system.isEmpty()) body.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
        ObjectNode config = Json.object();
        Decoding d = request.decoding();
        if (d.temperature() != null) config.put("temperature", d.temperature());
        if (d.topP() != null) config.put("topP", d.topP());
        if (d.maxTokens() != null) config.put("maxOutputTokens", d.maxTokens());
        if (d.seed() != null) config.put("seed", d.seed());
        if (!d.stop().isEmpty()) {
            ArrayNode stop = config.putArray("stopSequences");
            d.stop().forEach(stop::add);
        }
        ObjectNode thinking = Json.object();
        if (options.includeThoughts() && thinks(model)) thinking.put("includeThoughts", true);
        if (options.thinkingBudgetTokens() != null) thinking.put("thinkingBudget", options.thinkingBudgetTokens());
        if (!thinking.isEmpty()) config.set("thinkingConfig", thinking);
        if (options.reasoningEffort() != null) warnings.add("reasoning effort is not part of the Gemini format and was not sent (use the thinking budget)");
        if (!config.isEmpty()) body.set("generationConfig", config);
        if (!request.tools().isEmpty()) {
            ArrayNode decls = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolDefinition t : request.tools()) {
                ObjectNode decl = decls.addObject();
                decl.put("name", t.name());
                if (t.description() != null) decl.put("description", t.description());
                if (t.parameters() != null) decl.set("parametersJsonSchema", t.parameters());
            }
        }
        return body;
    }

    /** Gemini 1.x and 2.0 have no thinking and may reject a thinking config. */
    static boolean thinks(String model) {
        return !(model.startsWith("gemini-1") || model.startsWith("gemini-2.0") || model.startsWith("gemma"));
    }

    /** functionResponse.response must be a JSON object: the tool's JSON object, else {"result": text}. */
    private static JsonNode responseObject(String content) {
        try {
            JsonNode n = Json.MAPPER.readTree(content);
            if (n != null && n.isObject()) return n;
        } catch (Exception notJson) {
            // plain text result
        }
        ObjectNode wrap = Json.object();
        wrap.put("result", content);
        return wrap;
    }

    static Parsed read(String id, JsonNode root) {
        JsonNode usageNode = root.path("usageMetadata");
        Usage usage = new Usage(usageNode.path("promptTokenCount").asLong(0),
                usageNode.path("candidatesTokenCount").asLong(0) + usageNode.path("thoughtsTokenCount").asLong(0));
        String modelVersion = root.path("modelVersion").asText(null);
        JsonNode candidates = root.path("candidates");
        if (!candidates.isArray() || candidates.isEmpty()) {
            String blocked = root.path("promptFeedback").path("blockReason").asText("");
            if (!blocked.isEmpty()) return new Parsed("", null, List.of(), usage, "blocked:" + blocked, modelVersion);
            throw ProviderHttp.shape(id, "has no candidates");
        }
        JsonNode candidate = candidates.get(0);
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCallRequest> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                JsonNode fc = part.get("functionCall");
                String name = fc.path("name").asText(null);
                if (name == null) throw ProviderHttp.shape(id, "has a functionCall without a name");
                JsonNode args = fc.path("args");
                ObjectNode data = Json.object();
                if (fc.path("id").isTextual()) data.put("id", fc.get("id").asText());
                if (part.path("thoughtSignature").isTextual()) data.put("thoughtSignature", part.get("thoughtSignature").asText());
                String callId = fc.path("id").isTextual() ? fc.get("id").asText() : "call_" + calls.size();
                calls.add(new ToolCallRequest(callId, name, args.isObject() ? args : Json.object(),
                        args.isMissingNode() ? "{}" : Json.write(args), data.isEmpty() ? null : data));
            } else if (part.path("text").isTextual()) {
                if (part.path("thought").asBoolean(false)) {
                    if (!reasoning.isEmpty()) reasoning.append("\n\n");
                    reasoning.append(part.get("text").asText());
                } else {
                    text.append(part.get("text").asText());
                }
            }
        }
        return new Parsed(text.toString(), reasoning.isEmpty() ? null : reasoning.toString(), calls, usage,
                candidate.path("finishReason").asText(null), modelVersion);
    }
}
