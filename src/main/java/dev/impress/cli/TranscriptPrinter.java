package dev.impress.cli;

import dev.impress.json.Json;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.io.PrintWriter;
import java.util.List;

/** Prints a transcript for people: one line per event, the event id first. */
final class TranscriptPrinter {
    private TranscriptPrinter() {}

    static void print(List<TranscriptEntry> entries, PrintWriter out, boolean raw) {
        for (TranscriptEntry e : entries) {
            String id = String.format("  [%s] ", e.id());
            switch (e.event()) {
                case Event.AttemptStarted a -> out.printf("Attempt %d%n", a.attempt());
                case Event.PromptSent p -> out.println(id + "prompt sent (" + p.user().length() + " characters"
                        + (p.system() == null || p.system().isEmpty() ? "" : ", with system prompt") + ")");
                case Event.ModelTurn t -> {
                    if (t.reasoning() != null && !t.reasoning().isBlank()) out.println(TaxonomyCommand.wrap(id + "reasoning: " + t.reasoning().strip(), "        "));
                    out.println(indent(id + "agent (turn " + t.turn() + "): " + t.text().strip()));
                    if (!t.retries().isEmpty()) out.println("        retries: " + t.retries());
                    if (!t.warnings().isEmpty()) out.println("        warnings: " + t.warnings());
                    if (raw && t.rawRequest() != null) out.println("        raw request: " + t.rawRequest());
                    if (raw && t.rawResponse() != null) out.println("        raw response: " + t.rawResponse());
                }
                case Event.ToolCalled c -> out.println(id + "-> " + c.tool() + " " + Json.write(c.arguments()));
                case Event.ToolReturned r -> out.println(id + "<- " + (r.error() != null ? "ERROR " + r.error() : abbreviate(Json.write(r.result()), 400)));
                case Event.ParseError p -> out.println(id + "parse problem: " + p.problem() + (p.toldAgent() == null ? "" : " (told the agent)"));
                case Event.LimitReached l -> out.println(id + "limit reached: " + l.value() + " " + l.limit().replace('_', ' '));
                case Event.Completed c -> out.println(indent(id + "task complete: " + c.message().strip()));
                case Event.AttemptEnded a -> out.printf("  attempt %d ended: %s (%d tool calls, %d turns)%n", a.attempt(), a.outcome(), a.toolCalls(), a.turns());
                case Event.ModelFailed f -> out.println(id + "MODEL ERROR " + f.errorKind() + ": " + f.message());
                case Event.JudgeCall j -> out.println(id + "judge " + j.judge() + " try " + j.tryNo()
                        + (j.parseProblem() == null ? ": answered" : ": " + j.parseProblem()));
            }
        }
    }

    private static String indent(String text) {
        return text.replace("\n", "\n        ");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
