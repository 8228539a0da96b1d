package dev.impress.report.html;

import dev.impress.analysis.Metric;
import dev.impress.analysis.ModelGroups;
import dev.impress.report.ModelFamilies;
import dev.impress.report.ReportData;
import dev.impress.report.ReportRows;
import dev.impress.report.TrialFilter;
import java.util.List;
import java.util.Locale;

/**
 * Model families and open vs proprietary models (spec/paper.md 7.2): per group the paper's mean
 * of per-model RAIR and RACR and their intra-group variance, next to the pooled rates with an
 * interval. Shown only when at least one of the run's models is tagged.
 */
final class FamiliesSection implements Section {
    private final ReportData data;

    FamiliesSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "families";
    }

    @Override
    public String title() {
        return "Families and access";
    }

    @Override
    public boolean applies() {
        return data.families().present();
    }

    @Override
    public void write(HtmlOut out) {
        ModelFamilies f = data.families();
        out.raw("<p class=\"note\">").text("Families and access (open weights or proprietary) come from the model catalogue ("
                + f.catalogue() + "; correct or add tags with impress report --model-tags FILE). "
                + "Mean: the unweighted mean over the group's models of each model's rate, as the paper reports family and "
                + "proprietary-vs-open means. Variance: the population variance of those per-model rates, as a fraction (0.0005 is "
                + "a spread of about 2.2 points). Pooled: all the group's trials as one rate, weighting models by their trials, with "
                + "the report's usual interval (a scenario-clustered bootstrap when scenarios repeat, as they do across models). "
                + "Control scenarios are not included.").raw("</p>");
        out.raw("<h3>Families</h3>");
        out.raw("<div class=\"scroll\"><table><thead><tr><th>Family</th><th>Access</th>");
        head(out);
        for (ModelGroups.Group g : f.families().values()) {
            row(out, g, f.accessOf(g.name()), TrialFilter.scenarios().with("family", g.name()), true);
        }
        row(out, f.allTagged(), "", TrialFilter.scenarios().with("tagged", "1"), false);
        out.raw("</tbody></table></div>");
        int spread = ModelGroups.groupsWithSpread(f.families().values(), Metric.RAIR_ALL);
        out.raw("<p>");
        if (spread == 0) {
            out.text("Mean intra-family variance: n/a (no family has two models with data).");
        } else {
            StringBuilder b = new StringBuilder("Mean intra-family variance over the " + spread + " famil" + (spread == 1 ? "y" : "ies")
                    + " with two or more models:");
            for (Metric m : ReportRows.GROUP_METRICS) {
                b.append(' ').append(m.label()).append(' ').append(variance(ModelGroups.meanVariance(f.families().values(), m))).append(';');
            }
            out.text(b.substring(0, b.length() - 1) + ".");
        }
        out.raw("</p>");
        out.raw("<h3>Open vs proprietary</h3>");
        out.raw("<div class=\"scroll\"><table><thead><tr><th>Access</th>");
        head(out);
        for (ModelGroups.Group g : f.access().values()) row(out, g, null, TrialFilter.scenarios().with("access", g.name()), true);
        out.raw("</tbody></table></div>");
        if (!f.untagged().isEmpty()) {
            out.raw("<p class=\"note\">").text("Untagged, so left out of every mean, variance and pooled rate above ("
                    + f.untagged().size() + " model" + (f.untagged().size() == 1 ? "" : "s") + ", ");
            Fragments.count(out, untaggedTrials(), TrialFilter.scenarios().with("tagged", "0"));
            out.text(" trials): ");
            models(out, f.untagged(), ", ");
            out.text(". Tag them with impress report --model-tags FILE (docs/models.md).").raw("</p>");
        }
    }

    private int untaggedTrials() {
        int n = 0;
        for (String m : data.families().untagged()) {
            var metrics = data.byModel().get(m);
            if (metrics != null) n += metrics.trials();
        }
        return n;
    }

    private static void head(HtmlOut out) {
        out.raw("<th>Models</th><th>Trials</th>");
        for (Metric m : ReportRows.GROUP_METRICS) {
            out.raw("<th>").text(m.label() + " mean").raw("</th><th>").text(m.label() + " variance").raw("</th>");
        }
        for (Metric m : ReportRows.GROUP_METRICS) out.raw("<th>").text(m.label() + " pooled").raw("</th>");
        out.raw("</tr></thead><tbody>");
    }

    /**
     * @param access     the family's access column, null for the access table (which has none)
     * @param listModels false for the all-tagged row, whose models are the rows above
     */
    private void row(HtmlOut out, ModelGroups.Group g, String access, TrialFilter filter, boolean listModels) {
        out.raw("<tr><th>").text(g.name()).raw("</th>");
        if (access != null) out.raw("<td>").text(access).raw("</td>");
        out.raw("<td>");
        if (listModels) models(out, g.models(), "<br>");
        else out.text(g.models().size() + " (every model above)");
        out.raw("</td><td>");
        if (g.pooled() != null) Fragments.count(out, g.pooled().trials(), filter);
        else out.text("n/a");
        out.raw("</td>");
        for (Metric m : ReportRows.GROUP_METRICS) {
            ModelGroups.Spread s = g.spread(m);
            out.raw("<td>").text(Fragments.percent(s.mean()));
            if (s.models() < g.models().size()) out.raw(" <small>").text("(" + s.models() + " of " + g.models().size() + " models)").raw("</small>");
            out.raw("</td><td title=\"").text(Double.isNaN(s.variance()) ? "" : String.format(Locale.ROOT, "standard deviation %.1f points",
                    100 * Math.sqrt(s.variance()))).raw("\">").text(variance(s.variance())).raw("</td>");
        }
        for (Metric m : ReportRows.GROUP_METRICS) {
            out.raw("<td>");
            if (g.pooled() != null) Fragments.rate(out, g.pooled().get(m), filter.metric(m));
            else out.text("n/a");
            out.raw("</td>");
        }
        out.raw("</tr>");
    }

    /** Each model linking to its trials; {@code separator} is markup. */
    private static void models(HtmlOut out, List<String> models, String separator) {
        for (int i = 0; i < models.size(); i++) {
            if (i > 0) out.raw(separator);
            out.raw("<a href=\"").text(TrialFilter.scenarios().with("model", models.get(i)).href()).raw("\">");
            Fragments.model(out, models.get(i));
            out.raw("</a>");
        }
    }

    private static String variance(double v) {
        return Fragments.fixed(v, 4);
    }
}
