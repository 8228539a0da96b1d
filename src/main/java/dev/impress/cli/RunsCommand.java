package dev.impress.cli;

import dev.impress.store.TrialStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the runs in a store with their status and progress, and the model calls their trials made",
                "(CALLS) with the retries those calls needed after 429s, 5xx, timeouts and malformed answers (RETRIES)."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress runs", "  impress runs --db postgresql://impress@db.example/impress"})
final class RunsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", defaultValue = "impress.db", paramLabel = "FILE|URL", description = "Store (default ${DEFAULT-VALUE}).")
    String db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TrialStore trials = StoredRuns.open(db);
        TextTable t = new TextTable("RUN", "NAME", "CREATED", "STATUS", "DONE", "ERRORED", "PENDING", "CALLS", "RETRIES", "MODELS");
        for (TrialStore.RunRow r : trials.runs()) {
            var p = trials.progress(r.id());
            var calls = trials.callStats(r.id());
            var models = new java.util.ArrayList<String>();
            r.plan().path("models").forEach(m -> models.add(m.asText()));
            t.row(r.id(), r.name().equals(r.id()) ? "" : r.name(), r.createdAt().substring(0, 19).replace('T', ' '),
                    status(r, p) + (r.simulated() ? " (simulated)" : ""), p.done() + "/" + p.total(), p.error(), p.pending() + p.leased(),
                    calls.calls(), calls.retries(), String.join(" ", models));
        }
        out.print(t.render());
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * A run whose process was killed still says "running" in the store; with nothing leased
     * and work left, nobody is running it: say so, and how to continue.
     */
    static String status(TrialStore.RunRow r, TrialStore.Progress p) {
        if (r.status().equals("running") && p.leased() == 0 && p.pending() + p.error() > 0) return "interrupted (impress resume " + r.id() + ")";
        return r.status();
    }
}
