package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A native (function-calling) tool call returned by a provider. {@code arguments} is the parsed
 * JSON object, or null when the provider's argument text was not valid JSON
 * ({@code rawArguments} keeps the text either way).
 */
public record ToolCallRequest(String id, String name, JsonNode arguments, String rawArguments) {}
