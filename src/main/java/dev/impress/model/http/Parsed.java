package dev.impress.model.http;

import dev.impress.model.ToolCallRequest;
import dev.impress.model.Usage;
import java.util.List;

/** What an adapter read from a provider's answer; {@link ProviderHttp} adds the bodies, retries and timing. */
public record Parsed(String text, String reasoning, List<ToolCallRequest> toolCalls, Usage usage, String finishReason, String model) {}
