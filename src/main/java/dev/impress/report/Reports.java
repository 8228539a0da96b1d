package dev.impress.report;

import dev.impress.analysis.AnalysisOptions;
import dev.impress.model.ModelCatalog;
import dev.impress.report.html.HtmlReport;
import dev.impress.store.TrialStore;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/** Writes a stored run's report in one of its formats: the one entry point of the report package. */
public final class Reports {
    public enum Format {
        HTML, CSV, JSON;

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format: expected html, csv or json, found '" + s + "'");
            }
        }
    }

    /**
     * What a report shows beyond the run itself.
     *
     * @param models the families and access of models (the shipped catalogue, maybe with the user's file on top)
     */
    public record Options(AnalysisOptions analysis, Map<String, String> baselines, int embedLimit, ModelCatalog models) {
        public static final Options DEFAULT = new Options(AnalysisOptions.DEFAULT, Map.of(), HtmlReport.DEFAULT_EMBED, ModelCatalog.defaults());
    }

    private Reports() {}

    public static void write(TrialStore store, TrialStore.RunRow run, Format format, Options options, Writer out) {
        RunResults results = RunResults.load(store, run);
        ReportData data = ReportData.of(results, options.analysis(), options.baselines(), options.models());
        switch (format) {
            case HTML -> new HtmlReport(options.embedLimit()).write(results, data, store, out);
            case CSV -> TableReport.csv(data, out);
            case JSON -> TableReport.json(data, out);
        }
    }
}
