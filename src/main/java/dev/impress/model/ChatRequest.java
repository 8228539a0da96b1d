package dev.impress.model;

import java.util.List;
import java.util.Map;

/**
 * One chat call. {@code tools} is empty for plain text (the paper's {@code <tool_code>} protocol
 * puts tools in the prompt instead). {@code metadata} carries context that is not sent to the
 * provider (the trial key, the scenario hash) for accounting and for simulated models.
 */
public record ChatRequest(List<ChatMessage> messages, Decoding decoding, List<ToolDefinition> tools,
                          CallRole role, Map<String, String> metadata) {
    public ChatRequest {
        messages = List.copyOf(messages);
        decoding = decoding == null ? Decoding.DEFAULT : decoding;
        tools = tools == null ? List.of() : List.copyOf(tools);
        role = role == null ? CallRole.AGENT : role;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ChatRequest of(CallRole role, Decoding decoding, List<ChatMessage> messages) {
        return new ChatRequest(messages, decoding, List.of(), role, Map.of());
    }

    public ChatRequest withMetadata(Map<String, String> more) {
        var merged = new java.util.HashMap<>(metadata);
        merged.putAll(more);
        return new ChatRequest(messages, decoding, tools, role, merged);
    }
}
