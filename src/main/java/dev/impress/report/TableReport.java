package dev.impress.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The report's numbers as CSV (one {@link ReportRow} per line) or JSON (the run, the simulated
 * flag and the same rows), for spreadsheets and scripts. The HTML report shows the same numbers.
 */
public final class TableReport {
    public static final String CSV_HEADER = "section,group,subgroup,statistic,k,n,value,lower,upper,interval,unjudged,errored,display,simulated";

    private TableReport() {}

    public static void csv(ReportData data, Writer out) {
        try {
            out.write(CSV_HEADER + "\n");
            for (ReportRow r : ReportRows.of(data)) {
                out.write(String.join(",", cell(r.section()), cell(r.group()), cell(r.subgroup()), cell(r.statistic()), str(r.k()), str(r.n()),
                        str(r.value()), str(r.lower()), str(r.upper()), cell(r.method()), str(r.unjudged()), str(r.errored()), cell(r.display()),
                        String.valueOf(data.simulated())));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void json(ReportData data, Writer out) {
        ObjectNode root = Json.object();
        var run = data.run();
        root.putObject("run").put("id", run.id()).put("name", run.name()).put("created_at", run.createdAt()).put("status", run.status());
        root.put("simulated", data.simulated());
        if (data.simulated()) root.put("warning", "SIMULATED: these numbers come from simulated agents and judges; they measure nothing about any real model.");
        root.put("trials_analysed", data.analysed()).put("trials_errored", data.errored()).put("trials_unfinished", data.unfinished());
        root.put("confidence", data.options().confidence()).put("bootstrap_resamples", data.options().resamples()).put("bootstrap_seed", data.options().seed());
        ArrayNode models = root.putArray("models");
        data.models().forEach(models::add);
        if (data.families().present()) root.put("model_catalogue", data.families().catalogue());
        ArrayNode factors = root.putArray("varying_factors");
        data.ablations().forEach(a -> factors.addObject().put("factor", a.factor()).put("baseline", a.baseline()));
        ArrayNode rows = root.putArray("rows");
        List<ReportRow> all = ReportRows.of(data);
        for (ReportRow r : all) rows.add(Json.MAPPER.valueToTree(r));
        try {
            out.write(Json.writePretty(root));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String cell(String value) {
        return Csv.cell(value);
    }
}
