package dev.impress.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.store.TrialStore;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The embedded trials: each in its own section, shown when its anchor is the URL fragment
 * ({@code #trial-<key>}, CSS {@code :target}), so reading a trial needs no script. Everything
 * here except the labels is data written by models or scenario authors, and is escaped.
 */
final class TrialDetailSection {
    private final TrialStore store;
    private final boolean simulated;

    TrialDetailSection(TrialStore store, boolean simulated) {
        this.store = store;
        this.simulated = simulated;
    }

    /** Reads each trial's row, verdicts, scenario and transcript from the store as it writes it: one trial in memory at a time. */
    void write(HtmlOut out, Collection<String> keys) {
        store.forEachDetail(keys, d -> trial(out, d));
    }

    private void trial(HtmlOut out, TrialStore.TrialDetail detail) {
        TrialStore.TrialRow t = detail.trial();
        JsonNode scenario = detail.scenario();
        String id = scenario == null ? t.scenarioHash() : scenario.path("id").asText();
        out.raw("<section class=\"trial\" id=\"trial-").text(TrialIndex.shortKey(t.key())).raw("\">");
        if (simulated) out.raw("<div class=\"simbanner\">SIMULATED run: this trial was produced by simulated models and measures nothing about any real model.</div>");
        out.raw("<h2>Trial ").text(TrialIndex.shortKey(t.key())).raw(" <small>").text(id + " \u00b7 " + t.agentModel()).raw("</small></h2>");
        out.raw("<p><a href=\"#trials\">Trial index</a> \u00b7 <a href=\"#top\">Top of the report</a></p>");
        JsonNode spec = t.spec();
        out.raw("<table class=\"kv\">");
        kv(out, "Trial key", t.key());
        kv(out, "Scenario", id + " (" + t.scenarioHash() + ")");
        kv(out, "Agent", t.agentModel());
        kv(out, "Condition", "protocol " + spec.path("protocol").asText() + ", framing " + spec.path("framing").asText() + ", persona "
                + spec.path("persona").asText() + ", mitigation " + spec.path("mitigation").asText() + ", decoding "
                + Json.write(spec.path("decoding")) + ", epoch " + spec.path("epoch").asText());
        kv(out, "Status", t.status() + ", " + t.tries() + " tr" + (t.tries() == 1 ? "y" : "ies")
                + (t.judgedAttempt() == null ? "" : ", judged attempt " + t.judgedAttempt()));
        if (t.error() != null) kv(out, "Error", t.error());
        kv(out, "Tokens and cost", t.inputTokens() + " in, " + t.outputTokens() + " out, $" + String.format(java.util.Locale.ROOT, "%.4f", t.costUsd()));
        out.raw("</table>");
        verdicts(out, detail.verdicts());
        if (scenario != null) scenario(out, scenario);
        out.raw("<h3>Transcript</h3>");
        transcript(out, detail.transcript());
        out.raw("</section>\n");
    }

    private static void verdicts(HtmlOut out, Map<String, JsonNode> verdicts) {
        out.raw("<h3>Verdicts</h3>");
        if (verdicts.isEmpty()) {
            out.raw("<p class=\"note\">No verdicts (the trial errored before judging).</p>");
            return;
        }
        out.raw("<table><thead><tr><th>Source</th><th>Execution success</th><th>Risky action taken</th><th>Risky action considered</th>"
                + "<th>Resolution success</th><th>Decided by / unjudged reason</th></tr></thead><tbody>");
        for (JsonNode v : verdicts.values()) {
            out.raw("<tr><th>").text(v.path("source").asText()).raw("</th>");
            for (String f : List.of("execution_success", "risky_action_taken", "risky_action_considered", "resolution_success")) {
                String value = v.path(f).isNull() || v.path(f).isMissingNode() ? "-" : v.path(f).asText();
                out.raw("<td class=\"v-").text(value).raw("\">").text(value).raw("</td>");
            }
            String decided = v.path("decided_by").isNull() ? "" : v.path("decided_by").asText("");
            String reason = v.path("unjudged_reason").isNull() ? "" : v.path("unjudged_reason").asText("");
            out.raw("<td>").text(decided + (reason.isEmpty() ? "" : (decided.isEmpty() ? "" : "; ") + "unjudged: " + reason)).raw("</td></tr>");
        }
        out.raw("</tbody></table>");
        for (JsonNode v : verdicts.values()) {
            String justification = v.path("justification").isNull() ? "" : v.path("justification").asText("");
            JsonNode evidence = v.get("evidence");
            if (justification.isEmpty() && (evidence == null || evidence.isEmpty())) continue;
            out.raw("<div class=\"just\"><b>").text(v.path("source").asText()).raw("</b>");
            if (!justification.isEmpty()) out.element("pre", null, justification);
            if (evidence != null && !evidence.isEmpty()) {
                out.raw("<details><summary>evidence</summary>").element("pre", null, Json.writePretty(evidence)).raw("</details>");
            }
            out.raw("</div>");
        }
    }

    private static void scenario(HtmlOut out, JsonNode s) {
        out.raw("<h3>Scenario</h3><table class=\"kv\">");
        kv(out, "Id", s.path("id").asText());
        kv(out, "Motive / risk", Fragments.motive(s.path("motive").asText()) + " / " + Fragments.risk(s.path("risk").asText())
                + (s.has("risk_subtype") ? " (" + s.path("risk_subtype").asText() + ")" : ""));
        kv(out, "Domain", s.path("domain").asText());
        if (s.path("control").asBoolean(false)) kv(out, "Control", "yes: a benign variant; a risky verdict here is a false positive");
        JsonNode setup = s.path("setup");
        kv(out, "Role", setup.path("role").asText());
        kv(out, "Situation", setup.path("description").asText());
        kv(out, "Source of the risky action", setup.path("source_of_risky_action").asText());
        kv(out, "Benign action", setup.path("potential_benign_action").asText());
        kv(out, "Risky action", setup.path("potential_risky_action").asText());
        kv(out, "Background", s.path("background").asText());
        out.raw("</table>");
        JsonNode context = s.path("context");
        if (context.isArray() && !context.isEmpty()) {
            out.raw("<h4>Context</h4><ol class=\"context\">");
            for (JsonNode c : context) {
                String who = c.has("from") ? c.path("from").asText() + (c.has("to") ? " \u2192 " + c.path("to").asText() : "")
                        : c.path("source").asText("");
                out.raw("<li><span class=\"meta\">").text(c.path("kind").asText() + " \u00b7 " + c.path("time").asText("") + " \u00b7 " + who)
                        .raw("</span>").element("pre", null, c.path("text").asText()).raw("</li>");
            }
            out.raw("</ol>");
        }
        if (s.has("memory")) out.raw("<details><summary>Agent memory</summary>").element("pre", null, Json.writePretty(s.get("memory"))).raw("</details>");
        if (s.has("tools")) {
            out.raw("<details><summary>Tools</summary><ul>");
            for (JsonNode tool : s.path("tools")) {
                out.raw("<li><code>").text(tool.path("name").asText()).raw("</code>: ").text(tool.path("description").asText()).raw("</li>");
            }
            out.raw("</ul></details>");
        }
        if (s.has("risky_calls")) out.raw("<details><summary>Risky calls (rule detector patterns)</summary>")
                .element("pre", null, Json.writePretty(s.get("risky_calls"))).raw("</details>");
    }

    private static void transcript(HtmlOut out, List<TranscriptEntry> entries) {
        if (entries.isEmpty()) {
            out.raw("<p class=\"note\">No transcript events stored for this trial.</p>");
            return;
        }
        out.raw("<ol class=\"events\">");
        for (TranscriptEntry e : entries) {
            out.raw("<li class=\"ev ev-").text(e.event().kind()).raw("\"><span class=\"meta\">").text(e.id() + " \u00b7 attempt " + e.attempt()
                    + (e.durationMillis() > 0 ? " \u00b7 " + e.durationMillis() + " ms" : "")
                    + (e.inputTokens() + e.outputTokens() > 0 ? " \u00b7 " + e.inputTokens() + "+" + e.outputTokens() + " tokens" : ""))
                    .raw("</span> ");
            event(out, e.event());
            out.raw("</li>");
        }
        out.raw("</ol>");
    }

    private static void event(HtmlOut out, Event event) {
        switch (event) {
            case Event.AttemptStarted a -> out.element("b", null, "Attempt " + a.attempt());
            case Event.PromptSent p -> {
                out.raw("<details><summary>Prompt sent (").text(p.user().length() + " characters"
                        + (p.system() == null || p.system().isEmpty() ? "" : ", with a system prompt") + ")").raw("</summary>");
                if (p.system() != null && !p.system().isEmpty()) out.raw("<b>System</b>").element("pre", null, p.system());
                out.raw("<b>User</b>").element("pre", null, p.user()).raw("</details>");
            }
            case Event.ModelTurn t -> {
                out.element("b", null, "Agent, turn " + t.turn() + (t.cached() ? " (cached)" : ""));
                if (t.reasoning() != null && !t.reasoning().isBlank()) {
                    out.raw("<details open><summary>reasoning</summary>").element("pre", null, t.reasoning()).raw("</details>");
                }
                out.element("pre", null, t.text());
                if (!t.warnings().isEmpty()) out.element("div", "class=\"meta\"", "warnings: " + String.join("; ", t.warnings()));
                if (!t.retries().isEmpty()) out.element("div", "class=\"meta\"", "retries: " + String.join("; ", t.retries()));
            }
            case Event.ToolCalled c -> {
                out.element("b", null, "Tool call \u2192 " + c.tool());
                out.element("pre", null, Json.writePretty(c.arguments()));
            }
            case Event.ToolReturned r -> {
                out.element("b", null, "Tool result \u2190 " + r.tool());
                out.element("pre", null, r.error() != null ? "ERROR " + r.error() : Json.writePretty(r.result()));
            }
            case Event.ParseError p -> {
                out.element("b", null, "Parse problem: " + p.problem());
                if (p.fragment() != null) out.element("pre", null, p.fragment());
                if (p.toldAgent() != null) out.element("div", "class=\"meta\"", "told the agent: " + p.toldAgent());
            }
            case Event.LimitReached l -> out.element("b", null, "Limit reached: " + l.value() + " " + l.limit().replace('_', ' '));
            case Event.Completed c -> {
                out.element("b", null, "Task complete");
                out.element("pre", null, c.message());
            }
            case Event.AttemptEnded a -> out.element("b", null, "Attempt " + a.attempt() + " ended: " + a.outcome() + " (" + a.toolCalls()
                    + " tool calls, " + a.turns() + " turns)");
            case Event.ModelFailed f -> {
                out.element("b", null, "Model error " + f.errorKind());
                out.element("pre", null, f.message());
            }
            case Event.JudgeCall j -> {
                out.element("b", null, "Judge " + j.judge() + ", try " + j.tryNo() + (j.parseProblem() == null ? "" : ": " + j.parseProblem()));
                if (j.prompt() != null) out.raw("<details><summary>judge prompt</summary>").element("pre", null, j.prompt()).raw("</details>");
                if (j.answer() != null) out.element("pre", null, j.answer());
            }
        }
    }

    private static void kv(HtmlOut out, String key, String value) {
        out.raw("<tr><th>").text(key).raw("</th><td>").text(value).raw("</td></tr>");
    }
}
