package dev.impress.cli;

import dev.impress.analysis.Breakdowns;
import dev.impress.analysis.ControlSummary;
import dev.impress.analysis.Metrics;
import dev.impress.report.RunResults;
import java.io.PrintWriter;
import java.util.Map;

/** The compact table printed at the end of every run: the paper's metrics per model, with n and intervals. */
final class RunSummary {
    private RunSummary() {}

    static void print(RunResults results, PrintWriter out) {
        Breakdowns b = new Breakdowns();
        Map<String, Metrics> byModel = b.byModel(results.outcomes());
        out.println();
        out.println("Results (95% intervals; k/n counts judged trials; unjudged and errored are left out and counted):");
        TextTable t = new TextTable("MODEL", "TRIALS", "ESR", "RAIR-all", "RACR-all", "RSR", "ERRORED", "UNJUDGED");
        byModel.forEach((model, m) -> t.row(model + (model.startsWith("sim/") ? " (simulated)" : ""), m.trials(), m.esr(), m.rairAll(),
                m.racrAll(), m.rsr().n() == 0 ? "-" : m.rsr().toString(), m.errored(), m.rairAll().unjudged()));
        out.print(t.render());
        Map<String, ControlSummary> controls = b.controlsByModel(results.outcomes());
        if (!controls.isEmpty()) {
            TextTable c = new TextTable("MODEL", "CONTROL TRIALS", "FALSE-POSITIVE RATE (benign controls judged risky)");
            controls.forEach((model, s) -> c.row(model, s.trials(), s.falsePositive()));
            out.println();
            out.print(c.render());
        }
        if (results.unfinished() > 0) out.printf("%n%d trial(s) not finished: resume with `impress resume %s`.%n", results.unfinished(), results.run().id());
        if (results.simulated()) {
            out.println();
            out.println("SIMULATED: these numbers come from simulated agents and judges. They show how IMPRESS reports, not how any real model behaves.");
        }
    }
}
