package dev.impress.cli;

import picocli.CommandLine.Option;

/**
 * How trials are executed in this process: how many at once, how often retried, how long a claim
 * holds. The field values repeat the defaults for commands that build the flags in code (demo).
 */
final class ExecutionFlags {
    @Option(names = "--concurrency", defaultValue = "16", description = "Trials in flight (default ${DEFAULT-VALUE}).")
    int concurrency = 16;

    @Option(names = "--max-tries", defaultValue = "3", description = "Tries of a trial that hits infrastructure errors (default ${DEFAULT-VALUE}).")
    int maxTries = 3;

    @Option(names = "--lease-seconds", defaultValue = "60", paramLabel = "SECONDS",
            description = {"How long a claimed trial stays reserved without a heartbeat (default ${DEFAULT-VALUE}); heartbeats",
                    "renew it every third of that. A killed worker's trials are taken over after this long."})
    int leaseSeconds = 60;

    void check() {
        if (concurrency < 1) throw new UserError("--concurrency: expected 1 or more, found " + concurrency);
        if (maxTries < 1) throw new UserError("--max-tries: expected 1 or more, found " + maxTries);
        if (leaseSeconds < 1) throw new UserError("--lease-seconds: expected 1 or more, found " + leaseSeconds);
    }

    long leaseMillis() {
        return leaseSeconds * 1000L;
    }
}
