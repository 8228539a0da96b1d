package dev.impress.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.generate.EmbeddingRuntime;
import dev.impress.generate.Embedder;
import dev.impress.generate.GenerationEstimate;
import dev.impress.generate.GenerationPipeline;
import dev.impress.generate.GenerationPlan;
import dev.impress.generate.GenerationPlanFile;
import dev.impress.generate.GenerationPrompts;
import dev.impress.generate.GenerationResult;
import dev.impress.generate.OutputWriter;
import dev.impress.generate.Stage;
import dev.impress.generate.WorkDir;
import dev.impress.json.Json;
import dev.impress.model.CallRole;
import dev.impress.scenario.LineIndex;
import dev.impress.scenario.Problem;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioLibrary;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.sim.SimulationSettings;
import dev.impress.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Grow new scenarios with LLMs, with quality control and provenance.",
                "Setup -> context -> environment -> memory for each candidate of the target "
                        + "cells, then quality control (the deterministic checks of 'scenarios validate', redundancy filtering with a local",
                "sentence-embedding model, and an LLM review on five criteria). Kept scenarios go to OUT/scenarios/, every",
                "rejection with its gate and reason to OUT/rejections.jsonl. Rerun the same command to continue a stopped run.",
                "Redundancy filtering needs the optional embedding runtime: " + EmbeddingRuntime.INSTALL_HINT},
        footerHeading = "%nExamples:%n",
        footer = {"  impress generate examples/plans/generate-pilot.yaml --dry-run",
                "  impress generate examples/plans/generate-pilot.yaml --max-cost 5",
                "  impress generate --cell M4xR1 --cell M1xR3 --count 20 --model openai/gpt-5 --out generated/pilot",
                "See docs/generate.md."})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN", description = "The generation plan (YAML). Flags override its fields.")
    Path planFile;

    @Option(names = "--cell", paramLabel = "MxR", description = "Target cell, e.g. M4xR1 (repeatable), or lite / full.")
    List<String> cells = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", description = "Candidates per cell (default 10).")
    Integer count;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Domain to rotate through (repeatable; default: the setup stage chooses).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", description = "Generator model of every stage not named in the plan (provider/model).")
    String model;

    @Option(names = "--qc-model", paramLabel = "MODEL", description = "Model of the quality review.")
    String qcModel;

    @Option(names = "--threshold", paramLabel = "COSINE", description = "Redundancy threshold: drop a candidate whose background is at least this similar to a kept one (default 0.85).")
    Double threshold;

    @Option(names = "--repairs", paramLabel = "N", description = "Repair rounds for an invalid answer before rejecting (default 2).")
    Integer repairs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed that picks subtypes and seed phrases (default 2026).")
    Long seed;

    @Option(names = "--name", paramLabel = "NAME", description = "Plan name; starts every scenario id (default: the plan file's name, or 'gen').")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default generated/NAME): scenarios/, rejections.jsonl, work/.")
    Path out;

    @Option(names = "--against", paramLabel = "SET|PATH", description = "Existing scenarios the new ones must not duplicate (repeatable), e.g. full.")
    List<String> against = new ArrayList<>();

    @Option(names = "--concurrency", defaultValue = "8", description = "Candidates in progress at once (default ${DEFAULT-VALUE}); provider limits apply on top.")
    int concurrency;

    @Option(names = "--embedding-lib", paramLabel = "DIR", description = "Directory of the embedding runtime's jars (default: $" + EmbeddingRuntime.ENV + " or target/generate-lib).")
    Path embeddingLib;

    @Option(names = "--dry-run", description = "Print the plan and the cost estimate; call no model.")
    boolean dryRun;

    @Mixin
    ModelFlags modelFlags;

    @Override
    public Integer call() throws IOException {
        PrintWriter outw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerationPlan plan = plan(err);
        if (concurrency < 1) throw new UserError("--concurrency: expected 1 or more, found " + concurrency);
        Path outDir = out != null ? out : Path.of("generated", dev.impress.generate.CandidatePlanner.slug(plan.name()));
        GenerationPrompts prompts = GenerationPrompts.builtIn();

        outw.printf("Plan '%s': %d cell(s) x %d candidate(s) = %d candidates; output %s%n", plan.name(), plan.cells().size(),
                plan.countPerCell(), plan.candidates(), outDir);
        for (Stage s : Stage.values()) {
            outw.printf("  %-12s %s (temperature %s)%n", s.key(), plan.model(s).model(), plan.model(s).temperatureLabel());
        }
        outw.printf("  redundancy threshold %.2f, %d repair round(s), seed %d%n", plan.redundancyThreshold(), plan.repairs(), plan.seed());
        GenerationEstimate estimate = GenerationEstimate.of(plan, prompts, modelFlags.priceTable());
        printEstimate(estimate, outw);
        if (dryRun) {
            outw.flush();
            return ExitCodes.OK;
        }
        if (modelFlags.maxCost != null && estimate.expectedUsd().filter(e -> e > modelFlags.maxCost).isPresent()) {
            outw.printf("Note: the expected cost is above --max-cost $%.2f; generation stops at the cap and a rerun with a higher cap continues.%n", modelFlags.maxCost);
        }

        Models models = new Models(List.of(), SimulationSettings.DEMO, modelFlags, null);
        models.checkCredentials(new LinkedHashSet<>(plan.models().values().stream().map(m -> m.model()).toList()));
        ScenarioValidator validator = new ScenarioValidator();
        List<Scenario> references = references(validator, err);
        Embedder embedder = loadEmbedder(err);
        outw.flush();

        CostProgress progress = new CostProgress(err, models);
        GenerationPipeline pipeline = new GenerationPipeline(plan, models::resolve, () -> embedder, validator, Taxonomy.builtIn(), prompts,
                new WorkDir(outDir.resolve(OutputWriter.WORK)), concurrency, references, progress);
        GenerationResult result = pipeline.run();
        progress.finish();
        OutputWriter.write(outDir, result);
        printSummary(result, outDir, models, outw);
        outw.flush();
        if (result.stopReason() != null || !result.unfinished().isEmpty()) return ExitCodes.RUNTIME;
        return ExitCodes.OK;
    }

    private GenerationPlan plan(PrintWriter err) throws IOException {
        List<Problem> problems = new ArrayList<>();
        if (planFile != null && !Files.isRegularFile(planFile)) throw new UserError("no plan file " + planFile);
        ObjectNode tree = GenerationPlanFile.tree(planFile, problems);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            throw new UserError("the plan cannot be read; nothing was generated");
        }
        boolean flagsOnly = planFile == null;
        if (!cells.isEmpty()) {
            ArrayNode a = tree.putArray("cells");
            cells.forEach(a::add);
        }
        if (count != null) tree.put("count", count);
        if (!domains.isEmpty()) {
            ArrayNode a = tree.putArray("domains");
            domains.forEach(a::add);
        }
        if (model != null || qcModel != null) {
            ObjectNode models = tree.get("models") instanceof ObjectNode o ? o
                    : tree.has("models") && tree.get("models").isTextual() ? Json.object().put("default", tree.get("models").asText()) : Json.object();
            if (model != null) models.put("default", model);
            if (qcModel != null) models.put("qc", qcModel);
            tree.set("models", models);
        }
        if (threshold != null) tree.put("redundancy_threshold", threshold);
        if (repairs != null) tree.put("repairs", repairs);
        if (seed != null) tree.put("seed", seed);
        if (name != null) tree.put("name", name);
        String source = flagsOnly ? "flags" : planFile.toString();
        LineIndex lines = flagsOnly ? LineIndex.none() : LineIndex.of(Json.YAML.getFactory(), Files.readString(planFile), 0);
        String defaultName = flagsOnly ? "gen" : planFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        GenerationPlanFile.Read read = GenerationPlanFile.read(source, tree, lines, defaultName);
        if (!read.problems().isEmpty()) {
            read.problems().forEach(p -> err.println(flagsOnly ? flag(p.pointer()) + ": " + p.message() : p.toString()));
            throw new UserError("the plan has " + read.problems().size() + " problem(s); nothing was generated");
        }
        return read.plan();
    }

    /** The flag that set the field at this pointer, for a plan given only by flags. */
    static String flag(String pointer) {
        String field = pointer.replaceFirst("^/", "").replaceFirst("/.*$", "");
        return switch (field) {
            case "cells" -> "--cell";
            case "count" -> "--count";
            case "domains" -> "--domain";
            case "models" -> pointer.startsWith("/models/qc") ? "--qc-model" : "--model";
            case "redundancy_threshold" -> "--threshold";
            case "repairs" -> "--repairs";
            case "seed" -> "--seed";
            default -> pointer;
        };
    }

    private List<Scenario> references(ScenarioValidator validator, PrintWriter err) {
        if (against.isEmpty()) return List.of();
        var report = ScenarioLibrary.load(against, validator);
        if (!report.ok()) {
            report.problems().forEach(err::println);
            throw new UserError("--against: the scenarios have " + report.problems().size() + " problem(s)");
        }
        return report.scenarios();
    }

    private Embedder loadEmbedder(PrintWriter err) {
        try {
            return EmbeddingRuntime.load(embeddingLib, System.getenv(EmbeddingRuntime.ENV));
        } catch (EmbeddingRuntime.Missing e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void printEstimate(GenerationEstimate e, PrintWriter out) {
        out.println("Estimate (before any call; an estimate, not a measurement):");
        TextTable t = new TextTable("STAGE", "MODEL", "CALLS", "IN TOKENS", "OUT TOKENS", "USD");
        for (GenerationEstimate.Line l : e.lines()) {
            t.row(l.stage().key(), l.model(), String.valueOf(l.calls()), String.valueOf(l.inputTokens()), String.valueOf(l.outputTokens()),
                    l.costUsd() == null ? "no price" : String.format(Locale.ROOT, "%.4f", l.costUsd()));
        }
        out.print(t.render());
        if (e.expectedUsd().isPresent()) {
            out.printf(Locale.ROOT, "  expected $%.4f without repairs, at most about $%.4f if every call needs %d repair(s)%n",
                    e.expectedUsd().get(), e.worstCaseUsd().get(), e.repairs());
        } else {
            out.printf("  total unknown: no price for %s (add it with --prices FILE)%n", String.join(", ", e.unpriced()));
        }
    }

    private static void printSummary(GenerationResult r, Path outDir, Models models, PrintWriter out) {
        out.println("Yield per cell (candidates -> kept; rejections by gate):");
        TextTable t = new TextTable("CELL", "CANDIDATES", "FORMAT", "INVALID", "DUPLICATE", "QC-FAILED", "UNFINISHED", "KEPT");
        r.yieldByCell().forEach((cell, y) -> t.row(cell.label(), n(y.candidates()), n(y.format()), n(y.invalid()), n(y.duplicate()),
                n(y.qcFailed()), n(y.unfinished()), n(y.kept())));
        GenerationResult.Yield total = r.total();
        t.row("total", n(total.candidates()), n(total.format()), n(total.invalid()), n(total.duplicate()), n(total.qcFailed()),
                n(total.unfinished()), n(total.kept()));
        out.print(t.render());
        out.printf(Locale.ROOT, "%d candidates -> %d kept (%.1f%%)%n", total.candidates(), total.kept(),
                total.candidates() == 0 ? 0.0 : 100.0 * total.kept() / total.candidates());
        var g = models.budget().totals(CallRole.GENERATOR);
        out.printf(Locale.ROOT, "Model calls this run: %d (%d cached), %d input + %d output tokens, $%.4f%n", g.calls(), g.cachedCalls(),
                g.inputTokens(), g.outputTokens(), g.usd());
        out.printf("Scenarios: %s  (check: impress scenarios validate %s)%n", outDir.resolve(OutputWriter.SCENARIOS), outDir.resolve(OutputWriter.SCENARIOS));
        out.printf("Rejections: %s%n", outDir.resolve(OutputWriter.REJECTIONS));
        if (!r.unfinished().isEmpty()) {
            out.printf("%d candidate(s) unfinished; rerun the same command to continue:%n", r.unfinished().size());
            r.unfinished().entrySet().stream().limit(5).forEach(e -> out.printf("  %s: %s%n", e.getKey(), e.getValue()));
        }
        if (r.stopReason() != null) out.println("Stopped: " + r.stopReason());
    }

    private static String n(int v) {
        return String.valueOf(v);
    }

    /** The pipeline's progress on a {@link ProgressBar}, one bar per phase, with the money spent so far. */
    private static final class CostProgress implements GenerationPipeline.Progress {
        private final PrintWriter err;
        private final Models models;
        private ProgressBar bar;
        private double lastSpent;

        CostProgress(PrintWriter err, Models models) {
            this.err = err;
            this.models = models;
        }

        @Override
        public synchronized void phase(String name, int total) {
            if (bar != null) bar.finish();
            bar = null;
            if (total == 0) return;
            err.printf("%s %d candidate(s)%n", Character.toUpperCase(name.charAt(0)) + name.substring(1), total);
            bar = new ProgressBar(err, total, "candidates");
        }

        @Override
        public synchronized void step(boolean ok, double costUsd) {
            double spent = models.budget().spentUsd();
            double delta = spent - lastSpent;
            lastSpent = spent;
            if (bar != null) bar.trialFinished("", ok ? dev.impress.experiment.RunExecutor.Outcome.DONE : dev.impress.experiment.RunExecutor.Outcome.ERROR, delta);
        }

        synchronized void finish() {
            if (bar != null) bar.finish();
            bar = null;
        }
    }
}
