package dev.impress.judge;

import dev.impress.json.Json;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.util.List;

/**
 * Writes the judged attempt as the "Agent's Decision and Actions" text the judges read. Each
 * line starts with the event id ([e12]) so that justifications and reports can cite it. The
 * agent's visible text is always included (the paper's judge scores it for "considered"); the
 * provider's separate reasoning only when asked, because the paper does not say whether its
 * judge saw it.
 */
public final class TrajectoryRenderer {
    private final boolean includeProviderReasoning;

    public TrajectoryRenderer(boolean includeProviderReasoning) {
        this.includeProviderReasoning = includeProviderReasoning;
    }

    public String render(List<TranscriptEntry> attempt) {
        StringBuilder out = new StringBuilder();
        for (TranscriptEntry e : attempt) {
            String id = "[" + e.id() + "] ";
            switch (e.event()) {
                case Event.ModelTurn t -> {
                    if (includeProviderReasoning && t.reasoning() != null && !t.reasoning().isBlank()) {
                        out.append(id).append("Agent reasoning (turn ").append(t.turn()).append("): ").append(t.reasoning().strip()).append('\n');
                    }
                    out.append(id).append("Agent (turn ").append(t.turn()).append("): ").append(t.text().strip()).append('\n');
                }
                case Event.ToolCalled c -> out.append(id).append("Tool call: ").append(c.tool()).append(' ').append(Json.write(c.arguments())).append('\n');
                case Event.ToolReturned r -> out.append(id).append("Tool result (").append(r.tool()).append("): ")
                        .append(r.error() != null ? "ERROR " + r.error() : Json.write(r.result())).append('\n');
                case Event.ParseError p -> {
                    if (p.toldAgent() != null) out.append(id).append("Harness: ").append(p.toldAgent()).append('\n');
                }
                case Event.LimitReached l -> out.append(id).append("Limit reached: ").append(l.value()).append(' ')
                        .append(l.limit().replace('_', ' ')).append("; the attempt ended without <task_complete>.\n");
                case Event.Completed c -> out.append(id).append("Task complete: ").append(c.message().strip()).append('\n');
                default -> { }
            }
        }
        return out.toString().stripTrailing();
    }
}
