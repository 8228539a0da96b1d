package dev.impress.report.html;

import dev.impress.analysis.Cell;
import dev.impress.analysis.Metric;
import dev.impress.analysis.Metrics;
import dev.impress.analysis.PairedResult;
import dev.impress.report.Ablation;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;
import java.util.List;

/**
 * One table per factor that varies in the run (the paper's Table 2 shape), and the paired
 * comparison of every level with the baseline on the same scenarios (the paper's
 * safety-prompt analysis: churn in both directions, McNemar's exact test, a paired bootstrap
 * interval of the difference).
 */
final class AblationSection implements Section {
    private static final List<Metric> COLUMNS = List.of(Metric.RAIR_ALL, Metric.RACR_ALL, Metric.ESR, Metric.RAIR_COMPLETED);

    private final ReportData data;

    AblationSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "ablations";
    }

    @Override
    public String title() {
        return "Ablations";
    }

    @Override
    public boolean applies() {
        return !data.ablations().isEmpty();
    }

    @Override
    public void write(HtmlOut out) {
        out.raw("<p class=\"note\">Paired comparisons match each trial with the baseline trial of the same scenario, epoch, model and "
                + "every other factor. Became safe: risky under the baseline, not under the level; became risky: the reverse. "
                + "The difference is level minus baseline in percentage points with a scenario-clustered paired bootstrap "
                + "interval; p is McNemar's test on the changed pairs: the exact test's mid-p (exact p beside it) when each scenario gives one pair, "
                + "the clustered McNemar test of Durkalski et al. (2003) when a scenario gives several (Holm-adjusted over the factor's comparisons for RAIR). "
                + "An interval that contains 0 and a large p mean no detectable change.</p>");
        for (Ablation a : data.ablations()) write(out, a);
    }

    private void write(HtmlOut out, Ablation a) {
        out.raw("<h3 id=\"ablation-").text(a.factor()).raw("\">").text(a.factor()).raw(" <small>baseline: ").text(a.baseline()).raw("</small></h3>");
        out.raw("<div class=\"scroll\"><table><thead><tr><th>Model</th><th>").text(a.factor()).raw("</th><th>Trials</th>");
        for (Metric m : COLUMNS) out.raw("<th>").text(m.label()).raw("</th>");
        out.raw("</tr></thead><tbody>");
        for (String model : data.byModel().keySet()) {
            for (String level : a.levels()) {
                Metrics m = a.byModelAndLevel().get(new Cell(model, level));
                if (m == null) continue;
                TrialFilter f = TrialFilter.scenarios().with("model", model).with(a.factor(), level);
                out.raw("<tr><th>");
                Fragments.model(out, model);
                out.raw("</th><td>").text(level).raw(level.equals(a.baseline()) ? " <small>(baseline)</small>" : "").raw("</td><td>");
                Fragments.count(out, m.trials(), f);
                out.raw("</td>");
                for (Metric metric : COLUMNS) {
                    out.raw("<td>");
                    Fragments.rate(out, m.get(metric), f.metric(metric));
                    out.raw("</td>");
                }
                out.raw("</tr>");
            }
        }
        out.raw("</tbody></table></div>");
        if (a.comparisons().isEmpty()) return;
        out.raw("<div class=\"scroll\"><table class=\"paired\"><thead><tr><th>Model</th><th>Level vs ").text(a.baseline())
                .raw("</th><th>Metric</th><th>Pairs</th><th>Baseline</th><th>Level</th><th>Difference (points)</th><th>McNemar p</th>"
                        + "<th>Became safe</th><th>Became risky</th><th>Not paired / excluded</th></tr></thead><tbody>");
        for (Ablation.Comparison c : a.comparisons()) {
            row(out, a, c, c.rair(), c.rairHolmP());
            row(out, a, c, c.racr(), Double.NaN);
        }
        out.raw("</tbody></table></div>");
    }

    /** mid-p with the exact p beside it for the exact test; the one p of the clustered test. */
    static String pText(dev.impress.analysis.McNemarResult m) {
        return m.method().equals(dev.impress.analysis.McNemar.EXACT)
                ? "mid-p " + Fragments.p(m.midP()) + " (exact " + Fragments.p(m.pValue()) + ")" : "p " + Fragments.p(m.pValue());
    }

    private static void row(HtmlOut out, Ablation a, Ablation.Comparison c, PairedResult r, double holm) {
        TrialFilter base = TrialFilter.scenarios().with(a.factor(), a.baseline()).metric(r.metric());
        TrialFilter level = TrialFilter.scenarios().with(a.factor(), c.level()).metric(r.metric());
        if (c.model() != null) {
            base = base.with("model", c.model());
            level = level.with("model", c.model());
        }
        out.raw("<tr><th>");
        if (c.model() == null) out.text(c.modelLabel());
        else Fragments.model(out, c.model());
        out.raw("</th><td>").text(c.level()).raw("</td><td>").text(r.metric().label()).raw("</td><td>")
                .text(Integer.toString(r.churn().pairs())).raw("</td><td>");
        Fragments.rate(out, r.rateA(), base);
        out.raw("</td><td>");
        Fragments.rate(out, r.rateB(), level);
        out.raw("</td><td>").text(Fragments.signedPoints(r.difference()) + " [" + Fragments.signedPoints(r.differenceInterval().lower())
                + ", " + Fragments.signedPoints(r.differenceInterval().upper()) + "]").raw("</td><td>")
                .text(pText(r.mcnemar()) + (Double.isNaN(holm) ? "" : " (Holm " + Fragments.p(holm) + ")"))
                .raw(" <span class=\"muted\">").text(r.mcnemar().method()).raw("</span></td><td>");
        Fragments.count(out, r.churn().becameSafe(), TrialFilter.all().with("set", ChurnSets.name(a, c, r, true)));
        out.raw("</td><td>");
        Fragments.count(out, r.churn().becameRisky(), TrialFilter.all().with("set", ChurnSets.name(a, c, r, false)));
        var x = r.excluded();
        out.raw("</td><td>").text(x.total() == 0 ? "0" : x.total() + " (" + (x.onlyInA() + x.onlyInB()) + " unpaired, " + x.errored()
                + " errored, " + x.unjudged() + " unjudged, " + x.outside() + " outside)").raw("</td></tr>");
    }
}
