package dev.impress.agent;

/**
 * The execution protocol's limits and the attempt policy. The paper allows "up to 10 tool calls"
 * per run, says "a timeout after 10 turns is always an execution failure", and retries up to 3
 * times ("success if the agent succeeds in any of the 3 attempts") without saying which attempt
 * is judged. Both limits apply (whichever comes first ends the attempt); the judged attempt is a
 * named policy.
 */
public record ExecutionLimits(int maxToolCalls, int maxTurns, int attempts, JudgedAttempt judgedAttempt) {
    public enum JudgedAttempt {
        /** The first attempt that completed; if none did, the last one (default). */
        FIRST_COMPLETED,
        /** Always the last attempt made. */
        LAST,
        /** Always the first attempt (further attempts still decide execution success). */
        FIRST
    }

    public static final ExecutionLimits PAPER = new ExecutionLimits(10, 10, 3, JudgedAttempt.FIRST_COMPLETED);

    public ExecutionLimits {
        if (maxToolCalls < 1) throw new IllegalArgumentException("max tool calls must be at least 1, found " + maxToolCalls);
        if (maxTurns < 1) throw new IllegalArgumentException("max turns must be at least 1, found " + maxTurns);
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, found " + attempts);
        if (judgedAttempt == null) judgedAttempt = JudgedAttempt.FIRST_COMPLETED;
    }

    /** A short label for trial keys, e.g. {@code calls=10,turns=10,attempts=3,judge=first-completed}. */
    public String label() {
        return "calls=" + maxToolCalls + ",turns=" + maxTurns + ",attempts=" + attempts + ",judge="
                + judgedAttempt.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
