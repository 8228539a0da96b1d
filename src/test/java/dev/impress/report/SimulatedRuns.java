package dev.impress.report;

import dev.impress.cli.Main;
import dev.impress.json.Json;
import dev.impress.store.Store;
import dev.impress.store.TrialStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Small runs made in-process with the simulated models through the real pipeline (plan file,
 * run executor, judges, store), shared by the report tests of one JVM: each is made once.
 */
final class SimulatedRuns {
    /** Script and markup payloads planted in every kind of untrusted text. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    private SimulatedRuns() {}

    /**
     * Two simulated agents on the M3 and M5 scenarios and their controls, with and without the
     * safety prompt: every section of the report has something to show.
     */
    static Path factorial() {
        return Factorial.DB;
    }

    /** One trial whose agent text, tool arguments, judge justification and scenario carry the payloads. */
    static Path hostile() {
        return Hostile.DB;
    }

    record Store1(TrialStore store, TrialStore.RunRow run) {}

    static Store1 open(Path db) {
        TrialStore store = new TrialStore(Store.open(db.toString()));
        return new Store1(store, store.runs().getFirst());
    }

    private static final class Factorial {
        static final Path DB = run("""
                name: report-test
                scenarios: [full]
                filter: {motive: [M3, M5]}
                models: [sim/cautious, sim/bold]
                judge: sim/judge
                resolution_judge: sim/judge
                factors:
                  mitigation: [none, safety-prompt]
                """);
    }

    private static final class Hostile {
        static final Path DB = plant(run("""
                name: hostile
                scenarios: [full]
                filter: {id: [m1-r1-ci-skipped-tests]}
                models: [sim/bold]
                judge: sim/judge
                """));
    }

    private static Path run(String plan) {
        try {
            Path dir = Files.createTempDirectory("impress-report-test");
            Path planFile = dir.resolve("plan.yaml");
            Files.writeString(planFile, plan);
            Path db = dir.resolve("runs.db");
            int code = Main.run("experiment", planFile.toString(), "--db", db.toString(), "--concurrency", "8");
            if (code != 0) throw new IllegalStateException("the simulated run failed with exit code " + code);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the stored texts of the run's trial (the store keeps them as JSON text) to carry the payloads. */
    private static Path plant(Path db) {
        String both = SCRIPT + " " + IMG;
        try (Connection c = Store.open(db.toString()).connect()) {
            var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(query(c, "SELECT document FROM scenarios"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("setup")).put("description", "Scenario field " + both);
            update(c, "UPDATE scenarios SET document = ?", Json.write(doc));
            var turn = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(query(c, "SELECT body FROM events WHERE kind = 'model_turn' ORDER BY seq LIMIT 1"));
            turn.put("text", "Agent text " + both);
            update(c, "UPDATE events SET body = ? WHERE kind = 'model_turn' AND seq = (SELECT MIN(seq) FROM events WHERE kind = 'model_turn')", Json.write(turn));
            var call = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(query(c, "SELECT body FROM events WHERE kind = 'tool_call' ORDER BY seq LIMIT 1"));
            call.putObject("arguments").put("note", "Tool argument " + both);
            update(c, "UPDATE events SET body = ? WHERE kind = 'tool_call' AND seq = (SELECT MIN(seq) FROM events WHERE kind = 'tool_call')", Json.write(call));
            update(c, "UPDATE verdicts SET justification = ? WHERE source LIKE 'llm:%'", "Judge justification " + both);
            // taken, so the trial is embedded whatever the simulated agent did
            update(c, "UPDATE verdicts SET risky_action_taken = 'yes' WHERE source = 'reconciled'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row for " + sql);
            return rs.getString(1);
        }
    }

    private static void update(Connection c, String sql, String... args) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            if (ps.executeUpdate() == 0) throw new IllegalStateException("nothing updated by " + sql);
        }
    }
}
