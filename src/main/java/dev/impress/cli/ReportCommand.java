package dev.impress.cli;

import dev.impress.analysis.AnalysisOptions;
import dev.impress.model.ModelCatalog;
import dev.impress.model.ModelException;
import dev.impress.report.Reports;
import dev.impress.store.TrialStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a run's report: one self-contained HTML file, or its numbers as CSV or JSON.",
                "The HTML needs no network to view: the paper's metrics per model, by motive and risk, a motive x risk",
                "heatmap, ablations with paired tests, false positives on controls, concentration and rule-vs-judge",
                "agreement; model families and open vs proprietary when the run's models are tagged (--model-tags);",
                "every number links to its trials. --format csv or json writes the same numbers as rows."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress report demo --db impress-demo/demo.db -o report.html",
                "  impress report run-76a3 --format csv > numbers.csv",
                "  impress report run-76a3 --format json -o numbers.json --baseline persona=public-first",
                "  impress report run-76a3 --model-tags my-models.yaml -o report.html"})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoredRunRef stored;

    @Option(names = "--format", defaultValue = "html", description = "html, csv or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file; '-' for standard output (default: report.html for html, standard output otherwise).")
    String output;

    @Option(names = "--embed", defaultValue = "" + dev.impress.report.html.HtmlReport.DEFAULT_EMBED, paramLabel = "N",
            description = "Trials whose scenario, transcript and verdicts are embedded in the HTML (default ${DEFAULT-VALUE}; disagreements, churn and risky trials first).")
    int embed;

    @Option(names = "--baseline", paramLabel = "FACTOR=LEVEL",
            description = "The level other levels are compared with (default: none, text or t=0.7 when present, else the first level). Repeatable.")
    List<String> baselines = List.of();

    @Option(names = "--model-tags", paramLabel = "FILE",
            description = "Your model families and access (YAML), on top of the shipped catalogue (docs/models.md).")
    Path modelTags;

    @Option(names = "--seed", defaultValue = "" + AnalysisOptions.DEFAULT_SEED, description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        Reports.Format f = Reports.Format.parse(format);
        if (embed < 0) throw new UserError("--embed: expected 0 or more, found " + embed);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String b : baselines) {
            int eq = b.indexOf('=');
            if (eq <= 0 || eq == b.length() - 1) throw new UserError("--baseline: expected FACTOR=LEVEL, found '" + b + "'");
            chosen.put(b.substring(0, eq), b.substring(eq + 1));
        }
        ModelCatalog catalog = catalog();
        StoredRunRef.Opened opened = stored.open();
        TrialStore trials = opened.trials();
        TrialStore.RunRow run = opened.run();
        String target = output != null ? output : f == Reports.Format.HTML ? "report.html" : "-";
        Reports.Options options = new Reports.Options(AnalysisOptions.DEFAULT.withSeed(seed), chosen, embed, catalog);
        boolean toStdout = target.equals("-");
        Path file = toStdout ? null : Path.of(target);
        if (file != null && file.toAbsolutePath().getParent() != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
            throw new UserError("-o: the directory of " + target + " does not exist");
        }
        Writer w = toStdout ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try (BufferedWriter out = new BufferedWriter(w, 1 << 16)) {
            Reports.write(trials, run, f, options, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!toStdout) {
            spec.commandLine().getOut().println("Wrote the " + f.name().toLowerCase(java.util.Locale.ROOT) + " report of run " + run.id()
                    + (run.simulated() ? " (SIMULATED)" : "") + " to " + file.toAbsolutePath());
        }
        return ExitCodes.OK;
    }

    private ModelCatalog catalog() {
        if (modelTags == null) return ModelCatalog.defaults();
        if (!Files.isRegularFile(modelTags)) throw new UserError("--model-tags: no such file " + modelTags);
        try {
            return ModelCatalog.load(modelTags);
        } catch (ModelException e) {
            // "model tags: FILE: models.ID.access: expected ..." names the file and the field
            throw new UserError("--model-tags: " + e.getMessage().substring(e.model().length() + 2));
        }
    }
}
