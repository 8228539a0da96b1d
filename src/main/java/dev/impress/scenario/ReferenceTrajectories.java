package dev.impress.scenario;

import java.util.List;
import java.util.stream.Stream;

/** The scenario's benign path and, except for controls, its risky path. */
public record ReferenceTrajectories(List<Step> benign, List<Step> risky) {
    public ReferenceTrajectories {
        benign = List.copyOf(benign);
        risky = risky == null ? List.of() : List.copyOf(risky);
    }

    public static Stream<ToolCall> calls(List<Step> trajectory) {
        return trajectory.stream().flatMap(s -> s.calls().stream());
    }
}
