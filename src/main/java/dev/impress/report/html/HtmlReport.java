package dev.impress.report.html;

import dev.impress.report.ReportData;
import dev.impress.report.RunResults;
import dev.impress.store.TrialStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The self-contained HTML report: one file with inline CSS, inline SVG and one small inline
 * script (the trial index filter), no network access. Its Content-Security-Policy allows only
 * that script (by hash) and inline styles, so even a string that escaped escaping could not
 * run code or load anything.
 */
public final class HtmlReport {
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("trials.js");

    /** Trials embedded by default: enough for every disagreement and risky trial of a few-thousand-trial run, about 6-15 MB. */
    public static final int DEFAULT_EMBED = 300;

    private final Embedding embedding;

    /** @param embedLimit how many trials get their transcript embedded (the most informative first) */
    public HtmlReport(int embedLimit) {
        this.embedding = new Embedding(embedLimit, Math.min(Embedding.SAMPLE, embedLimit));
    }

    public HtmlReport() {
        this(DEFAULT_EMBED);
    }

    /** Writes the page; the embedded trials' rows, verdicts, scenarios and transcripts are read from {@code store}. */
    public void write(RunResults results, ReportData data, TrialStore store, Writer writer) {
        HtmlOut out = new HtmlOut(writer);
        Map<String, List<String>> trialSets = new java.util.LinkedHashMap<>(ChurnSets.all(data));
        data.disagreements().forEach((cell, keys) -> trialSets.put("disagree/" + cell, keys));
        trialSets.putAll(HumanReviewSection.sets(data));
        Map<String, List<String>> scenarioSets = ControlsSection.scenarioSets(data);
        Set<String> embedded = embedding.select(results.outcomes(), TrialIndex.members(trialSets.values()));
        List<Section> sections = new ArrayList<>(List.of(new RunSection(data), new ModelSection(data), new FamiliesSection(data), new MotiveRiskSection(data),
                new HeatmapSection(data), new AblationSection(data), new ControlsSection(data), new AgreementSection(data),
                new HumanReviewSection(data)));
        sections.removeIf(s -> !s.applies());
        String title = "IMPRESS report: " + data.run().name() + (data.simulated() ? " (SIMULATED)" : "");

        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '"
                + sha256(SCRIPT) + "'\">");
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">");
        out.raw("<title>").text(title).raw("</title><style>").raw(CSS).raw("</style></head><body id=\"top\">\n");
        if (data.simulated()) {
            out.raw("<div class=\"simbanner\" id=\"simulated\">SIMULATED: every number in this report comes from simulated agents and judges. "
                    + "It shows how IMPRESS reports; it measures nothing about any real model.</div>");
        }
        out.raw("<header class=\"top\"><h1>").text(title).raw("</h1><div class=\"meta\">").text("run " + data.run().id() + " \u00b7 "
                + data.analysed() + " trials \u00b7 created " + data.run().createdAt()).raw("</div></header><nav>");
        for (Section s : sections) out.raw("<a href=\"#").raw(s.id()).raw("\">").text(s.title()).raw("</a>");
        out.raw("<a href=\"#trials\">Trials</a></nav><main>\n");
        for (Section s : sections) {
            out.raw("<section id=\"").raw(s.id()).raw("\"><h2>").text(s.title());
            if (data.simulated()) out.raw("<span class=\"simmark\">SIMULATED</span>");
            out.raw("</h2>");
            s.write(out);
            out.raw("</section>\n");
        }
        out.raw("<section id=\"trials\"><h2>Trials");
        if (data.simulated()) out.raw("<span class=\"simmark\">SIMULATED</span>");
        out.raw("</h2><p class=\"note\">").text(embedded.size() + " of " + data.analysed() + " trials have their scenario, transcript and "
                + "verdicts embedded (disagreements and churn first, then risky, then errored or unjudged trials, then a sample). "
                + "Every trial's transcript is in `impress export " + data.run().id() + " --format jsonl`.").raw("</p>");
        out.raw("<noscript><p class=\"note\">The trial list needs JavaScript; the embedded trials open from their links without it.</p></noscript>");
        out.raw("<p>Filter: <span id=\"trial-filter\"></span></p><p id=\"trial-summary\"></p>");
        out.raw("<div class=\"scroll\"><table><thead><tr><th>Trial</th><th>Scenario</th><th>Model</th><th>Condition</th><th>Epoch</th>"
                + "<th>ES</th><th>RAI</th><th>RAC</th><th>RS</th><th id=\"trial-metric-head\"></th></tr></thead><tbody id=\"trial-rows\"></tbody></table></div>");
        out.raw("<button id=\"trial-more\" type=\"button\" hidden>Show all</button></section>\n");
        new TrialDetailSection(store, results.simulated()).write(out, embedded);
        out.raw("</main>\n<script type=\"application/json\" id=\"trial-data\">");
        out.raw(TrialIndex.json(results, trialSets, scenarioSets, embedded, data.families().tags()));
        out.raw("</script>\n<script>").raw(SCRIPT).raw("</script>\n</body></html>\n");
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/impress/report/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource /impress/report/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
