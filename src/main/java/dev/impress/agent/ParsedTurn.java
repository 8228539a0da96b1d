package dev.impress.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the parser understood of one agent message: tool calls in order, the completion message
 * if any, the free text around them (the agent's visible reasoning) and the problems met.
 */
public record ParsedTurn(List<Call> calls, String completion, String reasoning, List<Problem> problems) {
    public ParsedTurn {
        calls = List.copyOf(calls);
        problems = List.copyOf(problems);
    }

    /** A call as the agent wrote it; {@code arguments} is always a JSON object. */
    public record Call(String tool, JsonNode arguments) {}

    /** Something that could not be understood; {@code fragment} is the offending text. */
    public record Problem(String message, String fragment) {}

    public boolean completed() {
        return completion != null;
    }

    public boolean empty() {
        return calls.isEmpty() && completion == null;
    }
}
