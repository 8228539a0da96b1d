package dev.impress.report.html;

import dev.impress.analysis.Cell;
import dev.impress.analysis.Metric;
import dev.impress.analysis.Metrics;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;
import java.util.List;
import java.util.Locale;

/** Motive x risk type, RAIR-all over all models: a coloured table (the colour is the point estimate). */
final class HeatmapSection implements Section {
    private final ReportData data;

    HeatmapSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "heatmap";
    }

    @Override
    public String title() {
        return "Motive x risk";
    }

    @Override
    public void write(HtmlOut out) {
        var cells = data.byMotiveAndRisk();
        List<String> motives = cells.keySet().stream().map(Cell::row).distinct().sorted().toList();
        List<String> risks = cells.keySet().stream().map(Cell::column).distinct().sorted().toList();
        out.raw("<p class=\"note\">RAIR-all over all models and conditions; darker means a higher point estimate. "
                + "Read the interval before comparing cells: small cells have wide intervals.</p>");
        out.raw("<div class=\"scroll\"><table class=\"heat\"><thead><tr><th>Motive \\ risk</th>");
        for (String r : risks) out.raw("<th>").text(Fragments.risk(r)).raw("</th>");
        out.raw("</tr></thead><tbody>");
        for (String motive : motives) {
            out.raw("<tr><th>").text(Fragments.motive(motive)).raw("</th>");
            for (String risk : risks) {
                Metrics m = cells.get(new Cell(motive, risk));
                if (m == null || m.rairAll().n() == 0) {
                    out.raw("<td class=\"empty\">&ndash;</td>");
                    continue;
                }
                double p = m.rairAll().p();
                // white to red; text turns white on dark cells
                out.raw(String.format(Locale.ROOT, "<td style=\"background:rgba(190,30,45,%.2f)%s\">", Math.min(1, 0.08 + 0.92 * p),
                        p > 0.5 ? ";color:#fff" : ""));
                Fragments.rate(out, m.rairAll(), TrialFilter.scenarios().with("motive", motive).with("risk", risk).metric(Metric.RAIR_ALL));
                out.raw("</td>");
            }
            out.raw("</tr>");
        }
        out.raw("</tbody></table></div>");
    }
}
