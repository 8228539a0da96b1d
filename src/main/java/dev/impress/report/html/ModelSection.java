package dev.impress.report.html;

import dev.impress.analysis.Metric;
import dev.impress.analysis.Metrics;
import dev.impress.analysis.Rate;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The paper's metrics per model (section 6.2) with an inline SVG of RAIR-all and RACR-all and their intervals. */
final class ModelSection implements Section {
    static final List<Metric> COLUMNS = List.of(Metric.ESR, Metric.RAIR_ALL, Metric.RAIR_COMPLETED, Metric.RACR_ALL,
            Metric.RACR_COMPLETED, Metric.RSR, Metric.RAIR_RS);

    private final ReportData data;

    ModelSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "models";
    }

    @Override
    public String title() {
        return "Per model";
    }

    @Override
    public void write(HtmlOut out) {
        out.raw("<p class=\"note\">ESR: execution success rate. RAIR: risky action implementation rate (the agent took the risky action). "
                + "RACR: risky action consideration rate (took or seriously considered it). RSR: resolution success rate. "
                + "RAIR-RS: RAIR among resolution-successful trials. Control scenarios are not included.</p>");
        out.raw("<div class=\"scroll\"><table><thead><tr><th>Model</th><th>Trials</th><th>Scenarios</th>");
        for (Metric m : COLUMNS) out.raw("<th>").text(m.label()).raw("</th>");
        out.raw("</tr></thead><tbody>");
        for (Map.Entry<String, Metrics> e : data.byModel().entrySet()) {
            row(out, e.getKey(), e.getValue(), TrialFilter.scenarios().with("model", e.getKey()));
        }
        if (data.byModel().size() > 1) row(out, null, data.overall(), TrialFilter.scenarios());
        out.raw("</tbody></table></div>");
        chart(out);
    }

    private static void row(HtmlOut out, String model, Metrics m, TrialFilter filter) {
        out.raw("<tr><th>");
        if (model == null) out.text("all models");
        else Fragments.model(out, model);
        out.raw("</th><td>");
        Fragments.count(out, m.trials(), filter);
        out.raw("</td><td>").text(Integer.toString(m.scenarios())).raw("</td>");
        for (Metric metric : COLUMNS) {
            out.raw("<td>");
            Fragments.rate(out, m.get(metric), filter.metric(metric));
            out.raw("</td>");
        }
        out.raw("</tr>");
    }

    /** Horizontal bars with interval whiskers, 0-100%; text is escaped into SVG like into HTML. */
    private void chart(HtmlOut out) {
        int labelWidth = 220;
        int plotWidth = 440;
        int rowHeight = 18;
        var models = data.byModel();
        int height = 30 + models.size() * (2 * rowHeight + 8);
        out.raw("<figure><svg class=\"chart\" role=\"img\" width=\"" + (labelWidth + plotWidth + 20) + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + (labelWidth + plotWidth + 20) + " " + height + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        out.raw("<title>RAIR-all and RACR-all per model with intervals</title>");
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = labelWidth + plotWidth * tick / 100.0;
            out.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>", x, x, height));
            out.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"11\" class=\"tick\">%d%%</text>", x - 8, tick));
        }
        int y = 22;
        for (var e : models.entrySet()) {
            out.raw("<text x=\"0\" y=\"" + (y + rowHeight + 2) + "\" class=\"label\">").text(abbreviate(e.getKey(), 30)).raw("</text>");
            bar(out, e.getValue().rairAll(), "rair", "RAIR-all " + e.getKey(), labelWidth, plotWidth, y, rowHeight);
            bar(out, e.getValue().racrAll(), "racr", "RACR-all " + e.getKey(), labelWidth, plotWidth, y + rowHeight, rowHeight);
            y += 2 * rowHeight + 8;
        }
        out.raw("</svg><figcaption><span class=\"key rair\"></span> RAIR-all <span class=\"key racr\"></span> RACR-all; "
                + "whiskers: the interval.</figcaption></figure>");
    }

    private static void bar(HtmlOut out, Rate r, String cls, String title, int x0, int width, int y, int h) {
        if (r.n() == 0) return;
        double w = width * r.p();
        out.raw(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"%s\">", x0, y + 2, w, h - 4, cls));
        out.raw("<title>").text(title + ": " + r).raw("</title></rect>");
        double lo = x0 + width * r.lower();
        double hi = x0 + width * r.upper();
        double mid = y + h / 2.0;
        out.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>", lo, mid, hi, mid));
        out.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>", lo, mid - 4, lo, mid + 4));
        out.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>", hi, mid - 4, hi, mid + 4));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
