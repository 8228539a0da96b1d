package dev.impress.report;

import dev.impress.json.Json;
import dev.impress.report.html.HtmlReport;
import dev.impress.store.Store;
import dev.impress.store.TrialStore;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark of report rendering on a big run (not a test): fills a SQLite store with synthetic
 * trials by direct SQL (1,000 scenarios of which 10% controls, 5 models, mitigation x persona,
 * 5 epochs: 100,000 trials with 4 verdict rows and 6 transcript events each), then renders the
 * HTML, CSV and JSON reports and prints the wall time and the peak heap of each. Run it with a
 * 1 GB heap as docs/benchmarks.md shows. Arguments: [trials] [store file]; an existing store
 * file is reused, so only the first run pays for the fill.
 */
public final class ReportBench {
    private static final List<String> MODELS = List.of("bench/alpha", "bench/beta", "bench/gamma", "bench/delta", "bench/epsilon");
    private static final List<String> MITIGATIONS = List.of("none", "safety-prompt");
    private static final List<String> PERSONAS = List.of("none", "risk-tolerant");
    private static final int EPOCHS = 5;

    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path db = Path.of(args.length > 1 ? args[1] : "target/bench/report-bench.db");
        int perScenario = MODELS.size() * MITIGATIONS.size() * PERSONAS.size() * EPOCHS;
        int scenarios = Math.max(1, trials / perScenario);
        if (!Files.exists(db)) {
            Files.createDirectories(db.toAbsolutePath().getParent());
            long t0 = System.nanoTime();
            fill(db, scenarios);
            System.out.printf(Locale.ROOT, "filled %s with %d trials in %.1f s%n", db, scenarios * perScenario, (System.nanoTime() - t0) / 1e9);
        }
        TrialStore store = new TrialStore(Store.open(db.toString()));
        TrialStore.RunRow run = store.runs().getFirst();
        System.out.printf(Locale.ROOT, "max heap %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (Reports.Format format : Reports.Format.values()) {
            Path out = db.resolveSibling("report." + format.name().toLowerCase(Locale.ROOT));
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                Reports.write(store, run, format, Reports.Options.DEFAULT, w);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%-4s %6.2f s  peak heap %4d MB  %6.1f MB written to %s%n", format, seconds, peakHeapMb(),
                    Files.size(out) / 1e6, out);
        }
        // The same steps as Reports.write for HTML, timed one by one, to show where the time goes.
        long t0 = System.nanoTime();
        RunResults results = RunResults.load(store, run);
        long t1 = System.nanoTime();
        ReportData data = ReportData.of(results, Reports.Options.DEFAULT.analysis(), Reports.Options.DEFAULT.baselines(), Reports.Options.DEFAULT.models());
        long t2 = System.nanoTime();
        new HtmlReport(Reports.Options.DEFAULT.embedLimit()).write(results, data, store, Writer.nullWriter());
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "HTML by stage: read the store %.2f s, analysis %.2f s, write HTML %.2f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    /** The sum of each heap pool's peak since the last reset: an upper bound of the peak heap in use. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes >> 20;
    }

    private static void fill(Path db, int scenarios) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        HexFormat hex = HexFormat.of();
        String now = Instant.now().toString();
        Store s = Store.open(db.toString());
        try (Connection c = s.connect()) {
            c.setAutoCommit(false);
            String runId = "run-bench";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (id, name, created_at, status, simulated, plan, judging) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, runId);
                ps.setString(2, "bench");
                ps.setString(3, now);
                ps.setString(4, "done");
                ps.setInt(5, 0);
                ps.setString(6, "{}");
                ps.setString(7, "{\"judge\":\"bench/judge\",\"reconcile\":\"EITHER\"}");
                ps.executeUpdate();
            }
            PreparedStatement sc = c.prepareStatement("INSERT INTO scenarios (hash, id, motive, risk, risk_subtype, domain, control, document) VALUES (?,?,?,?,?,?,?,?)");
            PreparedStatement tr = c.prepareStatement("INSERT INTO trials (key, scenario_hash, agent_model, decoding, protocol, framing, persona, mitigation, epoch, spec, status, tries, judged_attempt) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,'done',1,1)");
            PreparedStatement rt = c.prepareStatement("INSERT INTO run_trials (run_id, trial_key) VALUES (?,?)");
            PreparedStatement vd = c.prepareStatement("INSERT INTO verdicts (trial_key, source, execution_success, risky_action_taken, risky_action_considered, "
                    + "resolution_success, decided_by, justification, evidence, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement ev = c.prepareStatement("INSERT INTO events (trial_key, seq, try_no, attempt, kind, at, duration_ms, input_tokens, output_tokens, body) "
                    + "VALUES (?,?,1,1,?,?,0,0,0,?)");
            int batch = 0;
            for (int i = 0; i < scenarios; i++) {
                String hash = hex.formatHex(bytes(random, 32));
                String motive = "M" + (1 + i % 5);
                String risk = "R" + (1 + (i / 5) % 8);
                boolean control = i % 10 == 9;
                String id = String.format(Locale.ROOT, "bench-%s-%s-%04d", motive.toLowerCase(Locale.ROOT), risk.toLowerCase(Locale.ROOT), i);
                var doc = Json.object().put("id", id).put("motive", motive).put("risk", risk).put("risk_subtype", "Deception").put("domain", "benchmarks")
                        .put("control", control).put("background", "A synthetic scenario for the report benchmark.");
                doc.putObject("setup").put("role", "Bench agent").put("description", "Decide whether to take the shortcut.")
                        .put("source_of_risky_action", "A shortcut exists.").put("potential_benign_action", "Do the work.")
                        .put("potential_risky_action", "Take the shortcut.");
                bind(sc, hash, id, motive, risk, "Deception", "benchmarks", control ? 1 : 0, Json.write(doc));
                sc.executeUpdate();
                double base = control ? 0.03 : 0.05 + 0.4 * random.nextDouble() * random.nextDouble();
                for (String model : MODELS) {
                    for (String mitigation : MITIGATIONS) {
                        for (String persona : PERSONAS) {
                            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                                String key = hex.formatHex(bytes(random, 32));
                                var spec = Json.object().put("scenario", hash).put("scenario_id", id).put("agent", model).put("protocol", "text")
                                        .put("framing", "none").put("persona", persona).put("mitigation", mitigation).put("epoch", epoch);
                                spec.putObject("decoding").put("temperature", 0.7);
                                bind(tr, key, hash, model, "t=0.7", "text", "none", persona, mitigation, epoch, Json.write(spec));
                                tr.addBatch();
                                bind(rt, runId, key);
                                rt.addBatch();
                                double p = base * (persona.equals("risk-tolerant") ? 1.3 : 1) * (mitigation.equals("safety-prompt") ? 0.8 : 1);
                                boolean es = random.nextDouble() < 0.95;
                                boolean taken = random.nextDouble() < p;
                                boolean considered = taken || random.nextDouble() < 0.05;
                                boolean ruleTaken = taken ^ random.nextDouble() < 0.03;
                                boolean unjudged = random.nextDouble() < 0.005;
                                String t = unjudged ? "unjudged" : yn(taken);
                                verdict(vd, key, "rule", yn(es), yn(ruleTaken), "unjudged", null, "rule", "No tool call matches the scenario's risky_calls", now);
                                verdict(vd, key, "llm:bench/judge", unjudged ? "unjudged" : yn(es), t, unjudged ? "unjudged" : yn(considered), null, "llm:bench/judge",
                                        "The agent " + (taken ? "took" : "did not take") + " the shortcut.", now);
                                verdict(vd, key, "resolution:bench/judge", null, null, null, yn(es && random.nextDouble() < 0.8), "resolution:bench/judge", "Resolved.", now);
                                verdict(vd, key, "reconciled", yn(es), yn(taken || ruleTaken), unjudged ? "unjudged" : yn(considered || ruleTaken), yn(es), "llm:bench/judge", null, now);
                                String[][] events = {
                                        {"attempt_started", "{\"kind\":\"attempt_started\",\"attempt\":1}"},
                                        {"model_turn", "{\"kind\":\"model_turn\",\"turn\":1,\"text\":\"<tool_code>{\\\"tool_name\\\":\\\"do\\\",\\\"parameters\\\":{}}</tool_code>\",\"reasoning\":null,\"nativeToolCalls\":[],\"model\":\"" + model + "\",\"retries\":[],\"warnings\":[],\"cached\":false,\"rawRequest\":null,\"rawResponse\":null,\"costUsd\":0.0}"},
                                        {"tool_call", "{\"kind\":\"tool_call\",\"turn\":1,\"callIndex\":1,\"tool\":\"do\",\"arguments\":{\"shortcut\":" + taken + "},\"callId\":null}"},
                                        {"tool_result", "{\"kind\":\"tool_result\",\"turn\":1,\"callIndex\":1,\"tool\":\"do\",\"result\":{\"status\":\"ok\"},\"error\":null}"},
                                        {"completion", "{\"kind\":\"completion\",\"turn\":2,\"message\":\"Done.\"}"},
                                        {"attempt_ended", "{\"kind\":\"attempt_ended\",\"attempt\":1,\"outcome\":\"completed\",\"toolCalls\":1,\"turns\":2}"}};
                                for (int e = 0; e < events.length; e++) {
                                    bind(ev, key, e + 1, events[e][0], now, events[e][1]);
                                    ev.addBatch();
                                }
                                if (++batch % 2000 == 0) {
                                    flush(tr, rt, vd, ev);
                                    c.commit();
                                }
                            }
                        }
                    }
                }
            }
            flush(tr, rt, vd, ev);
            c.commit();
        }
    }

    private static void verdict(PreparedStatement ps, String key, String source, String es, String taken, String considered, String rs, String decided,
                                String justification, String now) throws Exception {
        bind(ps, key, source, es, taken, considered, rs, decided, justification, null, now);
        ps.addBatch();
    }

    private static void flush(PreparedStatement... statements) throws Exception {
        for (PreparedStatement ps : statements) ps.executeBatch();
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) random.nextInt(256);
        return b;
    }

    private static void bind(PreparedStatement ps, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
    }
}
