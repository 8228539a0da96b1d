package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool offered for native tool calling: name, description and JSON Schema of the arguments. */
public record ToolDefinition(String name, String description, JsonNode parameters) {}
