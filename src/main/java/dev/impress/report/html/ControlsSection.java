package dev.impress.report.html;

import dev.impress.analysis.ConcentrationResult;
import dev.impress.analysis.ControlSummary;
import dev.impress.analysis.Metric;
import dev.impress.report.ReportData;
import dev.impress.report.ScenarioRisk;
import dev.impress.report.TrialFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controls on the numbers: false positives on benign control scenarios per model, and how
 * risky actions concentrate on few scenarios (paper App. C, Fig. 8: 41.3% of scenarios trigger
 * no model; the top 10% / 20% produce about 37% / 63% of risky actions).
 */
final class ControlsSection implements Section {
    static final String NEVER_RISKY = "scenarios/never-risky";
    static final String TOP10 = "scenarios/top-10%";
    static final String TOP20 = "scenarios/top-20%";
    private static final int LISTED = 20;

    private final ReportData data;

    ControlsSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "controls";
    }

    @Override
    public String title() {
        return "Controls";
    }

    /** Scenario ids behind the concentration numbers, by set name; the trial index expands them to trials. */
    static Map<String, List<String>> scenarioSets(ReportData data) {
        List<ScenarioRisk> ranked = data.scenarioRisks();
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put(NEVER_RISKY, ranked.stream().filter(s -> s.risky() == 0 && s.unknown() == 0).map(ScenarioRisk::scenarioId).toList());
        // the same top group as Concentration.topShare: ceil(fraction x scenarios)
        sets.put(TOP10, ranked.subList(0, (int) Math.ceil(0.10 * ranked.size() - 1e-9)).stream().map(ScenarioRisk::scenarioId).toList());
        sets.put(TOP20, ranked.subList(0, (int) Math.ceil(0.20 * ranked.size() - 1e-9)).stream().map(ScenarioRisk::scenarioId).toList());
        return sets;
    }

    @Override
    public void write(HtmlOut out) {
        out.raw("<h3>False positives on control scenarios</h3>");
        if (!data.hasControls()) {
            out.raw("<p class=\"note\">This run has no control scenarios, so the false-positive rate of the judging is not measured here.</p>");
        } else {
            out.raw("<p class=\"note\">Control scenarios are benign variants where the 'risky' action is legitimate: every trial judged "
                    + "to have taken or considered a risky action is a false positive (of the judge, or an over-cautious reading).</p>");
            out.raw("<table><thead><tr><th>Model</th><th>Control trials</th><th>Scenarios</th><th>False positive (took or considered)</th>"
                    + "<th>Judged to have taken</th><th>ESR</th></tr></thead><tbody>");
            for (Map.Entry<String, ControlSummary> e : data.controls().entrySet()) {
                ControlSummary c = e.getValue();
                TrialFilter f = TrialFilter.all().with("control", "1").with("model", e.getKey());
                out.raw("<tr><th>");
                Fragments.model(out, e.getKey());
                out.raw("</th><td>");
                Fragments.count(out, c.trials(), f);
                out.raw("</td><td>").text(Integer.toString(c.scenarios())).raw("</td><td>");
                Fragments.rate(out, c.falsePositive(), f.metric(Metric.RACR_ALL));
                out.raw("</td><td>");
                Fragments.rate(out, c.tookRisky(), f.metric(Metric.RAIR_ALL));
                out.raw("</td><td>");
                Fragments.rate(out, c.esr(), f.metric(Metric.ESR));
                out.raw("</td></tr>");
            }
            out.raw("</tbody></table>");
        }
        ConcentrationResult c = data.concentration();
        out.raw("<h3>Concentration over scenarios</h3><table class=\"kv\">");
        out.raw("<tr><th>Scenarios (non-control)</th><td>").text(Integer.toString(c.scenarios())).raw("</td></tr>");
        out.raw("<tr><th>Scenarios that trigger no risky action in any model</th><td>");
        Fragments.rate(out, c.neverRisky(), TrialFilter.all().with("set", NEVER_RISKY).metric(Metric.RAIR_ALL));
        out.raw(" <small>(").text(c.undetermined() + " undetermined: no risky verdict but some unjudged or errored trial; left out)").raw("</small></td></tr>");
        out.raw("<tr><th>Trials that took a risky action</th><td>");
        Fragments.count(out, c.riskyTrials(), TrialFilter.scenarios().metric(Metric.RAIR_ALL));
        out.raw("</td></tr><tr><th>Share produced by the top 10% of scenarios</th><td><a href=\"")
                .text(TrialFilter.all().with("set", TOP10).metric(Metric.RAIR_ALL).href()).raw("\">").text(Fragments.percent(c.top10Share()))
                .raw("</a></td></tr><tr><th>Share produced by the top 20% of scenarios</th><td><a href=\"")
                .text(TrialFilter.all().with("set", TOP20).metric(Metric.RAIR_ALL).href()).raw("\">").text(Fragments.percent(c.top20Share()))
                .raw("</a></td></tr></table>");
        List<ScenarioRisk> ranked = data.scenarioRisks();
        out.raw("<h3>Scenarios with the most risky actions</h3><table><thead><tr><th>Scenario</th><th>Motive</th><th>Risk</th>"
                + "<th>Trials</th><th>Took the risky action</th><th>Unjudged or errored</th></tr></thead><tbody>");
        for (ScenarioRisk s : ranked.subList(0, Math.min(LISTED, ranked.size()))) {
            TrialFilter f = TrialFilter.scenarios().with("scenario", s.scenarioId());
            out.raw("<tr><td>").text(s.scenarioId()).raw("</td><td>").text(Fragments.motive(s.motive())).raw("</td><td>")
                    .text(Fragments.risk(s.risk())).raw("</td><td>");
            Fragments.count(out, s.trials(), f);
            out.raw("</td><td>");
            Fragments.count(out, s.risky(), f.metric(Metric.RAIR_ALL));
            out.raw("</td><td>").text(Integer.toString(s.unknown())).raw("</td></tr>");
        }
        out.raw("</tbody></table>");
        if (ranked.size() > LISTED) out.raw("<p class=\"note\">").text((ranked.size() - LISTED) + " more scenario(s): see the CSV or JSON report.").raw("</p>");
    }
}
