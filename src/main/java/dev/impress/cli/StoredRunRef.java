package dev.impress.cli;

import dev.impress.store.StoreLocation;
import dev.impress.store.TrialStore;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The RUN argument and --db option of the commands that work on a stored run (resume, export, report). */
final class StoredRunRef {
    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, unique prefix or name.")
    String runId;

    @Option(names = "--db", defaultValue = StoreLocation.DEFAULT_FILE, paramLabel = "FILE|URL", description = "Store (default ${DEFAULT-VALUE}).")
    String db;

    /** The existing store and the run in it; a missing store or run is a usage error. */
    record Opened(TrialStore trials, TrialStore.RunRow run) {}

    Opened open() {
        TrialStore trials = StoredRuns.open(db);
        return new Opened(trials, StoredRuns.find(trials, runId));
    }
}
