package dev.impress.cli;

import dev.impress.bench.FakeOpenAiServer;
import dev.impress.bench.Memory;
import dev.impress.scenario.ScenarioLibrary;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.store.Store;
import dev.impress.store.TrialStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks of IMPRESS itself (hidden: for developers; results go to docs/benchmarks.md). */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmarks of IMPRESS itself, against providers faked on loopback.",
        subcommands = {BenchCommand.Runner.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "runner", mixinStandardHelpOptions = true,
            description = {"Runner throughput: `impress run` of the built-in scenarios (with epochs to reach --trials) against an",
                    "in-process OpenAI-compatible fake provider that answers every call after --latency-ms: 3 agent turns",
                    "(two tool calls, then completion) and 1 judge call per trial. Prints the wall time against the",
                    "latency-bound limit (trials / concurrency x calls x latency) and the peak resident memory."},
            footerHeading = "%nExamples:%n",
            footer = {"  impress bench runner --trials 1000 --concurrency 256 --latency-ms 200",
                    "  impress bench runner --trials 10000 --concurrency 256 --latency-ms 200"})
    static final class Runner implements Callable<Integer> {
        private static final int CALLS_PER_TRIAL = 4;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--trials", defaultValue = "1000", description = "Trials (rounded up to whole epochs of the scenario set; default ${DEFAULT-VALUE}).")
        int trials;

        @Option(names = "--concurrency", defaultValue = "256", description = "Trials in flight (default ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--latency-ms", defaultValue = "200", description = "Fake provider latency per call (default ${DEFAULT-VALUE}).")
        long latencyMillis;

        @Option(names = "--db", paramLabel = "FILE|URL", description = "Store (default: a new SQLite file in a temporary directory, deleted afterwards).")
        String db;

        @Option(names = "--show-run-output", description = "Print the run's own output (progress and summary) too.")
        boolean showRunOutput;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (trials < 1) throw new UserError("--trials: expected 1 or more, found " + trials);
            if (concurrency < 1) throw new UserError("--concurrency: expected 1 or more, found " + concurrency);
            if (latencyMillis < 0) throw new UserError("--latency-ms: expected 0 or more, found " + latencyMillis);
            PrintWriter out = spec.commandLine().getOut();
            int scenarios = ScenarioLibrary.load(List.of("full"), new ScenarioValidator()).scenarios().size();
            int epochs = (trials + scenarios - 1) / scenarios;
            int actual = epochs * scenarios;
            Path tmp = db == null ? Files.createTempDirectory("impress-bench") : null;
            String store = db != null ? db : tmp.resolve("bench.db").toString();
            out.printf(Locale.ROOT, "Runner benchmark: %d trials (%d scenarios x %d epochs), concurrency %d, latency %d ms per call, %d calls per trial%n",
                    actual, scenarios, epochs, concurrency, latencyMillis, CALLS_PER_TRIAL);
            out.printf(Locale.ROOT, "  JVM: %s, %d processors, max heap %d MB; store %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, store);
            out.flush();

            AtomicLong maxRss = new AtomicLong();
            List<String> samples = new ArrayList<>();
            Thread sampler = Thread.ofPlatform().daemon(true).name("impress-bench-rss").start(() -> {
                long start = System.nanoTime();
                int tick = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    long rss = Memory.rssKb().orElse(0);
                    maxRss.accumulateAndGet(rss, Math::max);
                    if (tick++ % 25 == 0) synchronized (samples) {
                        samples.add(String.format(Locale.ROOT, "%.0fs:%dMB", (System.nanoTime() - start) / 1e9, rss >> 10));
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            int code;
            Duration wall;
            FakeOpenAiServer.Counts counts;
            StringWriter runOut = new StringWriter();
            StringWriter runErr = new StringWriter();
            try (FakeOpenAiServer server = FakeOpenAiServer.start(new FakeOpenAiServer.Settings(latencyMillis, 3, FakeOpenAiServer.Faults.NONE, 1))) {
                String[] args = {"run", "full", "--epochs", String.valueOf(epochs), "--model", "openai-compatible/bench-agent",
                        "--judge", "openai-compatible/bench-judge", "--base-url", server.baseUrl(), "--db", store,
                        "--concurrency", String.valueOf(concurrency), "--provider-concurrency", String.valueOf(concurrency)};
                var cl = Cli.commandLine(new Main());
                cl.setOut(showRunOutput ? out : new PrintWriter(runOut, true));
                cl.setErr(showRunOutput ? spec.commandLine().getErr() : new PrintWriter(runErr, true));
                long t0 = System.nanoTime();
                code = cl.execute(args);
                wall = Duration.ofNanos(System.nanoTime() - t0);
                counts = server.counts();
            } finally {
                sampler.interrupt();
                sampler.join();
            }
            if (code != ExitCodes.OK) {
                out.println(runOut);
                out.println(runErr);
                out.println("bench: the run failed with exit code " + code);
                return ExitCodes.RUNTIME;
            }
            TrialStore store1 = new TrialStore(Store.open(store));
            String runId = store1.runs().getLast().id();
            var progress = store1.progress(runId);
            Duration span = store1.executionSpan(runId).orElse(wall);

            double bound = (double) actual / concurrency * CALLS_PER_TRIAL * latencyMillis / 1000.0;
            double seconds = wall.toMillis() / 1000.0;
            double execSeconds = span.toMillis() / 1000.0;
            out.printf(Locale.ROOT, "  trials done: %d of %d; fake provider answered %d agent and %d judge calls%n",
                    progress.done(), progress.total(), counts.agentCalls(), counts.judgeCalls());
            out.printf(Locale.ROOT, "  latency-bound limit: %d / %d x %d x %.3f s = %.2f s%n", actual, concurrency, CALLS_PER_TRIAL, latencyMillis / 1000.0, bound);
            out.printf(Locale.ROOT, "  wall time of `impress run` (plan, store, execute, summary): %.2f s = %.3f x the limit%n", seconds, seconds / bound);
            out.printf(Locale.ROOT, "  execution (first claim to last finish): %.2f s = %.3f x the limit%n", execSeconds, execSeconds / bound);
            out.printf(Locale.ROOT, "  peak RSS (VmHWM): %d MB; largest sampled RSS: %d MB%n", Memory.peakRssKb().orElse(0) >> 10, maxRss.get() >> 10);
            synchronized (samples) {
                out.println("  RSS samples (every 5 s): " + String.join(" ", samples));
            }
            out.flush();
            if (tmp != null) deleteTree(tmp);
            return ExitCodes.OK;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
