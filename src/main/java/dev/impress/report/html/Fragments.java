package dev.impress.report.html;

import dev.impress.analysis.Rate;
import dev.impress.report.TrialFilter;
import dev.impress.taxonomy.Taxonomy;
import java.util.Locale;

/** Small pieces every section uses: a rate with its link and excluded counts, taxonomy labels, numbers. */
final class Fragments {
    private Fragments() {}

    /**
     * A rate as {@code k/n = p% [lo, hi]} linking to its trials, followed by the unjudged and
     * errored trials that are not in n. The tooltip names the interval method.
     */
    static void rate(HtmlOut out, Rate r, TrialFilter trials) {
        out.raw("<span class=\"rate\"><a href=\"").text(trials.href()).raw("\" title=\"")
                .text(r.method().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " interval, "
                        + Math.round(r.confidence() * 100) + "%")
                .raw("\">").text(r.toString()).raw("</a>");
        out.raw(" <span class=\"ex").raw(r.unjudged() + r.errored() > 0 ? " nz" : "").raw("\">")
                .text(r.unjudged() + " unj. " + r.errored() + " err.").raw("</span></span>");
    }

    /** A count linking to its trials. */
    static void count(HtmlOut out, int n, TrialFilter trials) {
        out.raw("<a href=\"").text(trials.href()).raw("\">").text(Integer.toString(n)).raw("</a>");
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String signedPoints(double difference) {
        return Double.isNaN(difference) ? "n/a" : String.format(Locale.ROOT, "%+.1f", 100 * difference);
    }

    static String p(double p) {
        if (Double.isNaN(p)) return "n/a";
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String fixed(double x, int decimals) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** "M3 Shortcut" for a known motive, the id otherwise. */
    static String motive(String id) {
        return Taxonomy.builtIn().motive(id).map(m -> m.id() + " " + m.label()).orElse(id);
    }

    static String risk(String id) {
        return Taxonomy.builtIn().risk(id).map(r -> r.id() + " " + r.label()).orElse(id);
    }

    /** Model names carry their simulated status wherever they appear. */
    static void model(HtmlOut out, String model) {
        out.text(model);
        if (model.startsWith("sim/")) out.raw(" <span class=\"simtag\">simulated</span>");
    }
}
