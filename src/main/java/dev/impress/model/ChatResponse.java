package dev.impress.model;

import java.util.List;

/**
 * A provider's answer. {@code text} is the visible reply; {@code reasoning} the provider's
 * separate thinking/reasoning content, if any. {@code rawRequest}/{@code rawResponse} are the
 * exact JSON bodies exchanged (no headers, so no secrets), kept for the transcript.
 * {@code retries} lists the reason of each retry before this answer; {@code warnings} names
 * requested parameters the provider does not support.
 */
public record ChatResponse(String text, String reasoning, List<ToolCallRequest> toolCalls, Usage usage,
                           String finishReason, String model, String rawRequest, String rawResponse,
                           List<String> retries, List<String> warnings, boolean cached, long latencyMillis,
                           double costUsd) {
    public ChatResponse {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? Usage.NONE : usage;
        retries = retries == null ? List.of() : List.copyOf(retries);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A plain text answer (simulated models and tests). */
    public static ChatResponse text(String model, String text, Usage usage) {
        return new ChatResponse(text, null, List.of(), usage, "stop", model, null, null, List.of(), List.of(), false, 0, 0);
    }

    public ChatResponse withCost(double usd) {
        return new ChatResponse(text, reasoning, toolCalls, usage, finishReason, model, rawRequest, rawResponse, retries, warnings, cached, latencyMillis, usd);
    }

    public ChatResponse withWarnings(List<String> newWarnings) {
        return new ChatResponse(text, reasoning, toolCalls, usage, finishReason, model, rawRequest, rawResponse, retries, newWarnings, cached, latencyMillis, costUsd);
    }

    /** The same answer without the raw request body: what the response cache keeps. */
    public ChatResponse withoutRawRequest() {
        return new ChatResponse(text, reasoning, toolCalls, usage, finishReason, model, null, rawResponse, retries, warnings, cached,
                latencyMillis, costUsd);
    }

    public ChatResponse asCached() {
        return new ChatResponse(text, reasoning, toolCalls, usage, finishReason, model, rawRequest, rawResponse, List.of(), warnings, true, 0, 0);
    }
}
