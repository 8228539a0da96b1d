package dev.impress.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.impress.json.Json;
import dev.impress.scenario.ContextEntry;
import dev.impress.scenario.Problem;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.scenario.Step;
import dev.impress.scenario.ToolCall;
import dev.impress.scenario.ToolSpec;
import dev.impress.taxonomy.Taxonomy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Validate, list, show and count scenarios.",
        subcommands = {ScenariosCommand.Validate.class, ScenariosCommand.ListScenarios.class,
                ScenariosCommand.Show.class, ScenariosCommand.Stats.class})
final class ScenariosCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check scenario files: schema, references, regexes, replays, unique ids.",
                    "Checks the scenario JSON Schema and the rules a schema cannot express (declared tools and parameters, "
                            + "regexes, trajectories against parameter schemas, replays through the risky-call detector, unique ids). "
                            + "Every problem of every file is reported, with file, line and JSON pointer."},
            footerHeading = "%nExamples:%n",
            footer = {"  impress scenarios validate                 # the built-in set",
                    "  impress scenarios validate my-scenarios/   # a directory, recursively",
                    "  impress scenarios validate a.yaml b.json bundle.jsonl",
                    "%nExit code 0 when everything is valid, 1 when any problem was found."})
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "PATH", description = "Scenario files or directories (.yaml, .yml, .json, .jsonl). Default: the built-in set.")
        List<String> paths = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ScenarioValidator validator = new ScenarioValidator();
            ScenarioValidator.Report report = paths.isEmpty()
                    ? dev.impress.scenario.ScenarioLibrary.builtIn(validator)
                    : validator.validatePaths(paths.stream().map(Path::of).toList());
            for (Problem p : report.problems()) out.println(p);
            long files = report.problems().stream().map(Problem::file).distinct().count();
            if (report.ok()) {
                out.printf("%d scenario(s) valid.%n", report.scenarios().size());
            } else {
                out.printf("%d problem(s) in %d file(s); %d scenario(s) valid.%n", report.problems().size(), files, report.scenarios().size());
            }
            out.flush();
            return report.ok() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List scenarios with motive, risk, domain and content hash.",
            footerHeading = "%nExamples:%n",
            footer = {"  impress scenarios list", "  impress scenarios list lite --motive M3",
                    "  impress scenarios list --risk R4 --format csv", "  impress scenarios list my-scenarios/ --format json"})
    static final class ListScenarios implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ScenarioSelection selection;

        @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var loaded = selection.load(spec.commandLine().getErr());
            List<Scenario> list = loaded.scenarios();
            switch (format) {
                case JSON -> {
                    ArrayNode arr = Json.array();
                    for (Scenario s : list) {
                        arr.addObject().put("id", s.id()).put("motive", s.motive()).put("risk", s.risk())
                                .put("risk_subtype", s.riskSubtype()).put("domain", s.domain()).put("control", s.control())
                                .put("tools", s.tools().size()).put("hash", s.hash());
                    }
                    out.println(Json.writePretty(arr));
                }
                case CSV -> {
                    out.println("id,motive,risk,risk_subtype,domain,control,tools,hash");
                    for (Scenario s : list) {
                        out.println(String.join(",", Csv.cell(s.id()), s.motive(), s.risk(), Csv.cell(s.riskSubtype()),
                                Csv.cell(s.domain()), String.valueOf(s.control()), String.valueOf(s.tools().size()), s.hash()));
                    }
                }
                case TABLE, TEXT -> {
                    TextTable t = new TextTable("ID", "MOTIVE", "RISK", "SUBTYPE", "DOMAIN", "CONTROL", "HASH");
                    for (Scenario s : list) t.row(s.id(), s.motive(), s.risk(), s.riskSubtype(), s.domain(), s.control() ? "yes" : "", s.shortHash());
                    out.print(t.render());
                    out.printf("%d scenario(s)%n", list.size());
                }
            }
            out.flush();
            return loaded.problems().isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one scenario readably: setup, context as the agent sees it, tools, detector patterns, trajectories.",
            footerHeading = "%nExamples:%n",
            footer = {"  impress scenarios show m4-r1-fleet-dispatch",
                    "  impress scenarios show my-id --from my-scenarios/ --format yaml"})
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Scenario id.")
        String id;

        @Option(names = "--from", paramLabel = "SET|PATH", description = "Where to look (default: full, the built-in set).")
        List<String> from = new ArrayList<>();

        @Option(names = "--format", defaultValue = "text", description = "text, yaml or json (default: ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ScenarioSelection sel = new ScenarioSelection();
            sel.sources = from;
            var loaded = sel.load(spec.commandLine().getErr());
            Scenario s = loaded.scenarios().stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new UserError("no scenario with id '" + id + "' in " + (from.isEmpty() ? "the built-in set" : String.join(", ", from))
                            + suggestion(loaded.scenarios())));
            switch (format) {
                case "json" -> out.println(Json.writePretty(s.document()));
                case "yaml" -> out.print(Json.YAML.writeValueAsString(s.document()));
                case "text" -> render(s, out);
                default -> throw new UserError("--format: expected text, yaml or json, found '" + format + "'");
            }
            out.flush();
            return ExitCodes.OK;
        }

        private String suggestion(List<Scenario> all) {
            String close = all.stream().map(Scenario::id).filter(i -> i.contains(id) || id.contains(i)).limit(3).collect(Collectors.joining(", "));
            return close.isEmpty() ? " (see: impress scenarios list)" : "; did you mean: " + close;
        }

        static void render(Scenario s, PrintWriter out) {
            Taxonomy tax = Taxonomy.builtIn();
            out.printf("%s%s%n", s.id(), s.control() ? "  [benign control]" : "");
            out.printf("  motive %s (%s), risk %s (%s) / %s, domain %s%n", s.motive(), tax.requireMotive(s.motive()).name(),
                    s.risk(), tax.requireRisk(s.risk()).name(), s.riskSubtype(), s.domain());
            out.printf("  hash %s%n%n", s.hash());
            section(out, "Role", s.setup().role());
            section(out, "Situation", s.setup().description());
            section(out, "Source of risky action", s.setup().sourceOfRiskyAction());
            section(out, "Potential benign action", s.setup().potentialBenignAction());
            section(out, "Potential risky action", s.setup().potentialRiskyAction());
            section(out, "Background", s.background());
            out.println("Context (as the agent sees it):");
            for (ContextEntry e : s.context()) out.println(TaxonomyCommand.wrap(e.render(), "  "));
            out.println();
            out.println("Memory:");
            s.memory().fields().forEachRemaining(e -> out.println("  " + e.getKey() + ": " + (e.getValue().isTextual() ? e.getValue().asText() : Json.write(e.getValue()))));
            out.println();
            out.println("Tools:");
            for (ToolSpec t : s.tools()) {
                out.printf("  %s(%s)%n", t.name(), String.join(", ", t.parameterNames()));
                out.println(TaxonomyCommand.wrap(t.description(), "      "));
            }
            out.println();
            out.println("Risky-call detector:");
            if (s.riskyCalls().isEmpty()) out.println("  (none: benign control)");
            s.riskyCalls().forEach(p -> out.println("  " + p.describe()));
            if (!s.benignCalls().isEmpty()) {
                out.println("Benign-call patterns:");
                s.benignCalls().forEach(p -> out.println("  " + p.describe()));
            }
            trajectory(out, "Benign reference trajectory", s.referenceTrajectories().benign());
            if (!s.referenceTrajectories().risky().isEmpty()) trajectory(out, "Risky reference trajectory", s.referenceTrajectories().risky());
        }

        private static void section(PrintWriter out, String title, String text) {
            out.println(title + ":");
            out.println(TaxonomyCommand.wrap(text, "  "));
            out.println();
        }

        private static void trajectory(PrintWriter out, String title, List<Step> steps) {
            out.println();
            out.println(title + ":");
            int n = 1;
            for (Step st : steps) {
                if (st.thought() != null) out.println(TaxonomyCommand.wrap("(" + n + ") thinks: " + st.thought(), "  "));
                for (ToolCall c : st.calls()) out.println("  (" + n + ") calls " + c);
                if (st.complete() != null) out.println(TaxonomyCommand.wrap("(" + n + ") completes: " + st.complete(), "  "));
                n++;
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Coverage: scenarios per motive x risk cell, per domain, and controls.",
            footerHeading = "%nExamples:%n",
            footer = {"  impress scenarios stats", "  impress scenarios stats lite", "  impress scenarios stats my-scenarios/ --format json"})
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ScenarioSelection selection;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var loaded = selection.load(spec.commandLine().getErr());
            List<Scenario> risky = loaded.scenarios().stream().filter(s -> !s.control()).toList();
            List<Scenario> controls = loaded.scenarios().stream().filter(Scenario::control).toList();
            Taxonomy tax = Taxonomy.builtIn();
            Map<String, Long> domains = new TreeMap<>(loaded.scenarios().stream().collect(Collectors.groupingBy(Scenario::domain, Collectors.counting())));
            if (format == OutputFormat.JSON) {
                var root = Json.object();
                var grid = root.putObject("grid");
                for (var m : tax.motives()) {
                    var row = grid.putObject(m.id());
                    for (var r : tax.risks()) row.put(r.id(), risky.stream().filter(s -> s.motive().equals(m.id()) && s.risk().equals(r.id())).count());
                }
                root.put("scenarios", risky.size()).put("controls", controls.size());
                var d = root.putObject("domains");
                domains.forEach(d::put);
                out.println(Json.writePretty(root));
            } else {
                List<String> header = new ArrayList<>(List.of("MOTIVE"));
                tax.risks().forEach(r -> header.add(r.id()));
                header.add("TOTAL");
                TextTable t = new TextTable(header.toArray(String[]::new));
                for (var m : tax.motives()) {
                    List<Object> row = new ArrayList<>(List.of(m.id() + " " + m.label()));
                    for (var r : tax.risks()) row.add(risky.stream().filter(s -> s.motive().equals(m.id()) && s.risk().equals(r.id())).count());
                    row.add(risky.stream().filter(s -> s.motive().equals(m.id())).count());
                    t.row(row.toArray());
                }
                List<Object> total = new ArrayList<>(List.of("TOTAL"));
                for (var r : tax.risks()) total.add(risky.stream().filter(s -> s.risk().equals(r.id())).count());
                total.add(risky.size());
                t.row(total.toArray());
                out.println("Scenarios per motive x risk (controls not counted):");
                out.print(t.render());
                out.printf("%nBenign controls: %d%n", controls.size());
                out.printf("Domains (%d): %s%n", domains.size(),
                        domains.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
            out.flush();
            return loaded.problems().isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

}
