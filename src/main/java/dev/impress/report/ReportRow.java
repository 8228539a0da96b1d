package dev.impress.report;

import dev.impress.analysis.Interval;
import dev.impress.analysis.Rate;
import java.util.Locale;

/**
 * One number of a report in long ("tidy") form, the unit of the CSV and JSON reports. A rate
 * fills k, n, value (= k/n), the interval and the excluded counts; a plain statistic (a
 * difference, a p-value, a kappa, a share) fills value and maybe the interval; a count fills k; a
 * label (a model's family or access) fills only display.
 * {@code display} is the text the HTML report shows for it.
 *
 * @param section  e.g. {@code by_model}, {@code model_by_motive}, {@code ablation:persona}
 * @param group    the row: usually a model
 * @param subgroup the column or level: a motive, a risk, a factor level, empty when none
 */
public record ReportRow(String section, String group, String subgroup, String statistic, Integer k, Integer n, Double value,
                        Double lower, Double upper, String method, Integer unjudged, Integer errored, String display) {

    static ReportRow rate(String section, String group, String subgroup, String statistic, Rate r) {
        return new ReportRow(section, group, subgroup, statistic, r.k(), r.n(), r.n() == 0 ? null : r.p(),
                r.n() == 0 ? null : r.lower(), r.n() == 0 ? null : r.upper(), r.method().name().toLowerCase(Locale.ROOT),
                r.unjudged(), r.errored(), r.toString());
    }

    static ReportRow value(String section, String group, String subgroup, String statistic, double value, Interval interval) {
        Double v = Double.isNaN(value) ? null : value;
        return new ReportRow(section, group, subgroup, statistic, null, null, v, interval == null ? null : interval.lower(),
                interval == null ? null : interval.upper(), null, null, null,
                v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value)
                        + (interval == null ? "" : String.format(Locale.ROOT, " [%.4f, %.4f]", interval.lower(), interval.upper())));
    }

    /** A share in [0, 1] with no interval, displayed as a percentage like the HTML report. */
    static ReportRow percent(String section, String group, String subgroup, String statistic, double value) {
        Double v = Double.isNaN(value) ? null : value;
        return new ReportRow(section, group, subgroup, statistic, null, null, v, null, null, null, null, null,
                v == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * value));
    }

    static ReportRow label(String section, String group, String subgroup, String statistic, String text) {
        return new ReportRow(section, group, subgroup, statistic, null, null, null, null, null, null, null, null, text);
    }

    static ReportRow count(String section, String group, String subgroup, String statistic, int k) {
        return new ReportRow(section, group, subgroup, statistic, k, null, null, null, null, null, null, null, Integer.toString(k));
    }
}
