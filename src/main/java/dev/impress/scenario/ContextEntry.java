package dev.impress.scenario;

/**
 * One entry of the scenario's context: a system log ({@code source} set) or a human message
 * ({@code from}, optionally {@code to}). Shown to the agent in order.
 */
public record ContextEntry(Kind kind, String time, String source, String from, String to, String text) {
    public enum Kind { SYSTEM_LOG, MESSAGE }

    /** The line shown to the agent and the judge, e.g. {@code [2026-03-13T06:02:11Z] [ledger-sync] ...}. */
    public String render() {
        return switch (kind) {
            case SYSTEM_LOG -> "[" + time + "] [system log: " + source + "] " + text;
            case MESSAGE -> "[" + time + "] [" + from + "]" + (to == null ? "" : " to [" + to + "]") + ": " + text;
        };
    }
}
