package dev.impress.cli;

import dev.impress.agent.ExecutionLimits;
import dev.impress.experiment.JudgingConfig;
import dev.impress.experiment.Plan;
import dev.impress.judge.Reconciler;
import dev.impress.model.Decoding;
import dev.impress.report.Reports;
import dev.impress.scenario.Scenario;
import dev.impress.store.TrialStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Try IMPRESS offline in a minute, no API key (simulated agents and judge).",
                "Runs the whole pipeline on the built-in scenario set with SIMULATED agents (sim/cautious and sim/bold, "
                        + "with and without the safety prompt) and a simulated judge, stores everything and writes the report. "
                        + "The numbers show how IMPRESS reports; they measure nothing about any real model."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress demo", "  impress demo --out /tmp/impress-demo"})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "impress-demo", paramLabel = "DIR", description = "Where the store and the report go (default ${DEFAULT-VALUE}); replaced on every demo.")
    Path out;

    @Option(names = "--concurrency", defaultValue = "32", description = "Trials in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(out);
        Path db = out.resolve("demo.db");
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        ScenarioSelection selection = new ScenarioSelection();
        var loaded = selection.load(err);
        if (!loaded.problems().isEmpty()) throw new UserError("the built-in scenarios have problems (listed above)");
        List<Scenario> scenarios = loaded.scenarios();
        stdout.println("IMPRESS demo: SIMULATED agents and judge on the " + scenarios.size() + " built-in scenarios, offline.");
        Plan plan = new Plan("demo", List.of("full"), Plan.ScenarioFilter.ALL, List.of("sim/cautious", "sim/bold"), 1,
                List.of("text"), List.of("none"), List.of("none"), List.of("none", "safety-prompt"), List.of(Decoding.temperature(0.7)),
                ExecutionLimits.PAPER, new JudgingConfig("sim/judge", "sim/judge", 3, false, Reconciler.Policy.EITHER));
        RunFlags run = new RunFlags();
        run.db = db.toString();
        run.execution.concurrency = concurrency;
        run.epochs = 1;
        run.name = "demo";
        ModelFlags flags = new ModelFlags();
        flags.cache = "auto";
        flags.providerConcurrency = 64;
        flags.requestTimeoutSeconds = 60;
        List<String> specs = List.of("sim/cautious", "sim/bold", "sim/judge");
        int code = RunFlags.launch(plan, scenarios, specs, flags, run, 2026, stdout, err);
        stdout.printf("%nThe store is %s. Next: impress runs --db %s%n", db, db);
        if (code == ExitCodes.OK) {
            Path report = out.resolve("report.html");
            TrialStore trials = StoredRuns.open(db.toString());
            try (var w = Files.newBufferedWriter(report, java.nio.charset.StandardCharsets.UTF_8)) {
                Reports.write(trials, StoredRuns.find(trials, "demo"), Reports.Format.HTML, Reports.Options.DEFAULT, w);
            }
            stdout.printf("The report is %s (open it in a browser; it needs no network).%n", report.toAbsolutePath());
        }
        stdout.flush();
        return code;
    }
}
