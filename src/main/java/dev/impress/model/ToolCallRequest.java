package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A native (function-calling) tool call returned by a provider. {@code arguments} is the parsed
 * JSON object, or null when the provider's argument text was not valid JSON
 * ({@code rawArguments} keeps the text either way).
 *
 * <p>{@code providerData} is opaque state the provider needs back verbatim when this call is
 * replayed in a later turn (Gemini's {@code thoughtSignature}, Anthropic's signed thinking blocks
 * that preceded the call). Callers just keep the object: put the same {@code ToolCallRequest}
 * back into {@link ChatMessage#assistant(String, java.util.List)}. Null when there is none.
 */
public record ToolCallRequest(String id, String name, JsonNode arguments, String rawArguments, JsonNode providerData) {
    public ToolCallRequest {
        // JSON null (e.g. read back from a stored response) means absent, as in the Java API.
        if (arguments != null && (arguments.isNull() || arguments.isMissingNode())) arguments = null;
        if (providerData != null && (providerData.isNull() || providerData.isMissingNode())) providerData = null;
    }

    public ToolCallRequest(String id, String name, JsonNode arguments, String rawArguments) {
        this(id, name, arguments, rawArguments, null);
    }
}
