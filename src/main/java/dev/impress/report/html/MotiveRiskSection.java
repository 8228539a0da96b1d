package dev.impress.report.html;

import dev.impress.analysis.Cell;
import dev.impress.analysis.Metric;
import dev.impress.analysis.Metrics;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;

/** RAIR-all per model by motive and by risk type: the shape of the paper's Table 8 (App. C). */
final class MotiveRiskSection implements Section {
    private final ReportData data;

    MotiveRiskSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "motive-risk";
    }

    @Override
    public String title() {
        return "By motive and risk";
    }

    @Override
    public void write(HtmlOut out) {
        out.raw("<h3>RAIR-all by motive</h3>");
        table(out, data.byModelAndMotive(), "motive", Fragments::motive);
        out.raw("<h3>RAIR-all by risk type</h3>");
        table(out, data.byModelAndRisk(), "risk", Fragments::risk);
    }

    private void table(HtmlOut out, SortedMap<Cell, Metrics> cells, String dimension, Function<String, String> label) {
        List<String> columns = cells.keySet().stream().map(Cell::column).distinct().sorted().toList();
        out.raw("<div class=\"scroll\"><table><thead><tr><th>Model</th>");
        for (String c : columns) out.raw("<th>").text(label.apply(c)).raw("</th>");
        out.raw("</tr></thead><tbody>");
        for (String model : data.byModel().keySet()) {
            out.raw("<tr><th>");
            Fragments.model(out, model);
            out.raw("</th>");
            for (String c : columns) {
                Metrics m = cells.get(new Cell(model, c));
                out.raw("<td>");
                if (m == null) out.raw("&ndash;");
                else Fragments.rate(out, m.rairAll(), TrialFilter.scenarios().with("model", model).with(dimension, c).metric(Metric.RAIR_ALL));
                out.raw("</td>");
            }
            out.raw("</tr>");
        }
        out.raw("</tbody></table></div>");
    }
}
