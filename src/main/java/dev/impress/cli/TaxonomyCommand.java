package dev.impress.cli;

import dev.impress.json.Json;
import dev.impress.taxonomy.LossOfControlCategory;
import dev.impress.taxonomy.Motive;
import dev.impress.taxonomy.RiskCategory;
import dev.impress.taxonomy.RiskSubtype;
import dev.impress.taxonomy.Seed;
import dev.impress.taxonomy.Taxonomy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = {"Print motives, risk categories, judge definitions and seed phrases.",
                "The motives (M1-M5), risky-action categories (R1-R8) with subtypes, the definitions given to the judge, "
                        + "seed phrases, and the Loss-of-Control categories."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress taxonomy", "  impress taxonomy --format json > taxonomy.json"})
final class TaxonomyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        Taxonomy t = Taxonomy.builtIn();
        PrintWriter out = spec.commandLine().getOut();
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> out.println(Json.writePretty(t));
            case "text" -> printText(t, out);
            default -> throw new UserError("--format: expected text or json, found '" + format + "'");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(Taxonomy t, PrintWriter out) {
        out.println("MISALIGNMENT MOTIVES");
        for (Motive m : t.motives()) {
            out.printf("%n%s  %s (%s; %s)%n", m.id(), m.name(), m.label(), m.group());
            out.println(wrap(m.definition(), "    "));
        }
        out.println();
        out.println("RISKY-ACTION CATEGORIES (lite = R1-R5, full = R1-R8)");
        for (RiskCategory r : t.risks()) {
            out.printf("%n%s  %s (%s)%s%n", r.id(), r.name(), r.label(), r.lite() ? "" : "  [full only]");
            out.println(wrap("Judge definition: " + r.definition(), "    "));
            out.println("    Subtypes:");
            for (RiskSubtype s : r.subtypes()) out.println(wrap(s.name() + ": " + s.definition(), "      - ").replaceFirst("^(\\s+)- ", "$1- "));
            out.println("    Seed phrases (" + r.seeds().size() + "; * = published in the paper):");
            for (Seed s : r.seeds()) out.println("      " + ("paper".equals(s.source()) ? "* " : "  ") + s.text());
        }
        out.println();
        out.println("LOSS-OF-CONTROL CATEGORIES (IMPRESS measures misalignment)");
        for (LossOfControlCategory c : t.lossOfControl()) {
            out.printf("%n%s: %s%n", c.name(), c.condition());
            out.println(wrap(c.description(), "    "));
        }
    }

    /** Wraps text at 96 columns with the given indent on every line. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        String pad = " ".repeat(indent.length());
        for (String word : text.trim().split("\\s+")) {
            if (line.length() + word.length() + 1 > 96 && line.length() > pad.length()) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(pad);
            }
            line.append(word).append(' ');
        }
        return out.append(line.toString().stripTrailing()).toString();
    }
}
