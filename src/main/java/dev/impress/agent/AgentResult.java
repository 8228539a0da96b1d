package dev.impress.agent;

import dev.impress.model.Usage;
import java.util.List;

/**
 * The outcome of running one trial's agent: each attempt, whether any completed (the paper's
 * execution success signal), which attempt is judged, and what it cost. For the judgment-only
 * protocols, {@code judgmentChoice} holds the risky/benign answer instead of a trajectory.
 */
public record AgentResult(List<Attempt> attempts, int judgedAttempt, Usage usage, double costUsd, JudgmentAnswer judgmentAnswer) {
    public AgentResult {
        attempts = List.copyOf(attempts);
    }

    /** One attempt: how it ended (completed, limit:tool_calls, limit:turns), calls and turns used. */
    public record Attempt(int number, String outcome, int toolCalls, int turns) {
        public boolean completed() {
            return "completed".equals(outcome);
        }
    }

    /** A judgment-format answer: did the model endorse (or choose) the risky action? */
    public record JudgmentAnswer(Boolean endorsedRisky, String raw, String problem) {}

    public boolean completed() {
        return attempts.stream().anyMatch(Attempt::completed);
    }
}
