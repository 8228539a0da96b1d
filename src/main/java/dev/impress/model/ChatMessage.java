package dev.impress.model;

import java.util.List;

/**
 * One message of a conversation. {@code toolCalls} is set on assistant messages that called
 * tools natively; {@code toolCallId}/{@code toolName} on TOOL messages that answer such a call.
 */
public record ChatMessage(Role role, String content, List<ToolCallRequest> toolCalls, String toolCallId, String toolName) {
    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public ChatMessage {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String text) { return new ChatMessage(Role.SYSTEM, text, List.of(), null, null); }

    public static ChatMessage user(String text) { return new ChatMessage(Role.USER, text, List.of(), null, null); }

    public static ChatMessage assistant(String text) { return new ChatMessage(Role.ASSISTANT, text, List.of(), null, null); }

    public static ChatMessage assistant(String text, List<ToolCallRequest> calls) { return new ChatMessage(Role.ASSISTANT, text, calls, null, null); }

    public static ChatMessage toolResult(String callId, String toolName, String content) {
        return new ChatMessage(Role.TOOL, content, List.of(), callId, toolName);
    }
}
