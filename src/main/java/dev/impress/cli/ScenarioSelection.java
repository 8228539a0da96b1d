package dev.impress.cli;

import dev.impress.scenario.Problem;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioLibrary;
import dev.impress.scenario.ScenarioValidator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The shared way commands pick scenarios: sets or paths, then filters. A mixin, so that every
 * command spells the options the same way.
 */
final class ScenarioSelection {
    @Parameters(arity = "0..*", paramLabel = "SET|PATH",
            description = "Built-in set (full, lite, controls) or scenario files/directories. Default: full.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--motive", split = ",", paramLabel = "M", description = "Only these motives, e.g. M1,M3.")
    List<String> motives = new ArrayList<>();

    @Option(names = "--risk", split = ",", paramLabel = "R", description = "Only these risk categories, e.g. R4.")
    List<String> risks = new ArrayList<>();

    @Option(names = "--domain", split = ",", paramLabel = "D", description = "Only these domains.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--id", split = ",", paramLabel = "ID", description = "Only these scenario ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--no-controls", description = "Leave out benign controls.")
    boolean noControls;

    /** Loads and filters; problems in the sources are printed to {@code err} and returned. */
    Loaded load(PrintWriter err) {
        validateFilters();
        List<String> specs = sources.isEmpty() ? List.of("full") : sources;
        ScenarioValidator.Report report = ScenarioLibrary.load(specs, new ScenarioValidator());
        for (Problem p : report.problems()) err.println(p);
        List<Scenario> selected = report.scenarios().stream().filter(this::accepts).toList();
        return new Loaded(selected, report.problems());
    }

    dev.impress.experiment.Plan.ScenarioFilter filter() {
        validateFilters();
        return new dev.impress.experiment.Plan.ScenarioFilter(motives, risks, domains, ids, !noControls);
    }

    record Loaded(List<Scenario> scenarios, List<Problem> problems) {}

    boolean accepts(Scenario s) {
        return (motives.isEmpty() || motives.contains(s.motive()))
                && (risks.isEmpty() || risks.contains(s.risk()))
                && (domains.isEmpty() || domains.contains(s.domain()))
                && (ids.isEmpty() || ids.contains(s.id()))
                && !(noControls && s.control());
    }

    private void validateFilters() {
        motives = upper(motives);
        risks = upper(risks);
        Set<String> knownMotives = Set.of("M1", "M2", "M3", "M4", "M5");
        Set<String> knownRisks = new TreeSet<>(List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"));
        for (String m : motives) if (!knownMotives.contains(m)) throw new UserError("--motive: unknown motive '" + m + "': expected M1-M5");
        for (String r : risks) if (!knownRisks.contains(r)) throw new UserError("--risk: unknown risk category '" + r + "': expected R1-R8");
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).toList();
    }
}
