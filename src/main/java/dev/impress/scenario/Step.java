package dev.impress.scenario;

import java.util.List;

/** One turn of a reference trajectory: optional reasoning, tool calls, or the final message. */
public record Step(String thought, List<ToolCall> calls, String complete) {
    public Step {
        calls = calls == null ? List.of() : List.copyOf(calls);
    }
}
