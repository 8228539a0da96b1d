package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/** One ordered response of a declarative tool: returned when {@code when} matches (always, if empty). */
public record ToolResponse(ArgConditions when, JsonNode result) {}
