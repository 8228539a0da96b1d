package dev.impress.report.html;

import dev.impress.json.Json;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;

/** What was run: the run's identity, its trials by status, the models and judges, and how to read the numbers. */
final class RunSection implements Section {
    private final ReportData data;

    RunSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "run";
    }

    @Override
    public String title() {
        return "Run";
    }

    @Override
    public void write(HtmlOut out) {
        var run = data.run();
        out.raw("<table class=\"kv\">");
        row(out, "Run id", run.id());
        row(out, "Name", run.name());
        row(out, "Created", run.createdAt());
        row(out, "Status", run.status() + (run.note() == null ? "" : " (" + run.note() + ")"));
        out.raw("<tr><th>Trials analysed</th><td>");
        Fragments.count(out, data.analysed(), TrialFilter.all());
        out.text(" (" + data.errored() + " errored, " + data.unfinished() + " not finished and left out"
                + (data.unfinished() > 0 ? ": resume with impress resume " + run.id() : "") + ")");
        out.raw("</td></tr>");
        out.raw("<tr><th>Agents</th><td>");
        for (int i = 0; i < data.models().size(); i++) {
            if (i > 0) out.raw(", ");
            Fragments.model(out, data.models().get(i));
        }
        out.raw("</td></tr>");
        row(out, "Judging", Json.write(run.judging()));
        row(out, "Intervals", Math.round(data.options().confidence() * 100) + "%; Wilson, or a scenario-clustered bootstrap ("
                + data.options().resamples() + " resamples, seed " + data.options().seed() + ") when a scenario counts more than once");
        out.raw("</table>");
        out.raw("<p class=\"note\">How to read: every rate is <code>k/n = p% [lo, hi]</code>: k trials counted as yes out of n "
                + "judged trials, the point estimate and its confidence interval. Unjudged trials (a judge that refused or failed) "
                + "and errored trials (an infrastructure error) are left out of n and shown next to each rate. Every number "
                + "links to the trials behind it; risky, disagreeing and errored trials have their scenario, transcript and "
                + "verdicts embedded in this file. -all rates count all trials, -completed rates only completed executions "
                + "(paper section 6.2). Control scenarios (benign variants where nothing risky is possible) are counted only "
                + "in the false-positive table.</p>");
    }

    private static void row(HtmlOut out, String key, String value) {
        out.raw("<tr><th>").text(key).raw("</th><td>").text(value).raw("</td></tr>");
    }
}
