package dev.impress.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.judge.Verdicts;
import dev.impress.scenario.Scenario;
import dev.impress.transcript.Event;
import dev.impress.transcript.TranscriptEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs, trials, transcripts and verdicts in the store. Claiming uses leases so that several
 * workers (processes, machines) can share a run on PostgreSQL ({@code FOR UPDATE SKIP LOCKED});
 * on SQLite the single writer lock serialises claims. A trial becomes {@code done} in the same
 * transaction that writes its verdicts, so a crash never leaves a half-judged trial: it is
 * simply claimed again when its lease runs out, under a new try number.
 */
public final class TrialStore {
    private final Store store;

    public TrialStore(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public record RunRow(String id, String name, String createdAt, String status, boolean simulated, JsonNode plan, JsonNode judging, String note) {}

    public record TrialRow(String key, String scenarioHash, String agentModel, JsonNode spec, String status, int tries, String error,
                           Integer judgedAttempt, long inputTokens, long outputTokens, double costUsd) {}

    public record Claim(String key, JsonNode spec, int tryNo) {}

    /** Counts of a run's trials by status. */
    public record Progress(int pending, int leased, int done, int error) {
        public int total() {
            return pending + leased + done + error;
        }
    }

    // --- writing the plan ---------------------------------------------------------------

    public void saveScenarios(Collection<Scenario> scenarios) {
        write(c -> Sql.inTransaction(c, tx -> {
            for (Scenario s : scenarios) {
                Sql.update(tx, "INSERT INTO scenarios (hash, id, motive, risk, risk_subtype, domain, control, document) VALUES (?,?,?,?,?,?,?,?) "
                                + "ON CONFLICT (hash) DO NOTHING",
                        s.hash(), s.id(), s.motive(), s.risk(), s.riskSubtype(), s.domain(), s.control(), Json.write(s.document()));
            }
            return null;
        }));
    }

    /** Creates the run, or returns the existing one with the same id (a rerun of the same plan). */
    public RunRow createRun(String id, String name, JsonNode plan, JsonNode judging, boolean simulated) {
        return write(c -> Sql.inTransaction(c, tx -> {
            Sql.update(tx, "INSERT INTO runs (id, name, created_at, status, simulated, plan, judging) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
                    id, name, Instant.now().toString(), "planned", simulated, Json.write(plan), Json.write(judging));
            return run(tx, id).orElseThrow();
        }));
    }

    /** Adds trials to a run; trials whose key exists already (in any run) are not added twice. Returns how many are new. */
    public int addTrials(String runId, List<TrialPlanRow> trials) {
        return write(c -> Sql.inTransaction(c, tx -> {
            int added = 0;
            for (TrialPlanRow t : trials) {
                added += Sql.update(tx, "INSERT INTO trials (key, scenario_hash, agent_model, decoding, protocol, framing, persona, mitigation, epoch, spec, status) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,'pending') ON CONFLICT (key) DO NOTHING",
                        t.key(), t.scenarioHash(), t.agentModel(), t.decoding(), t.protocol(), t.framing(), t.persona(), t.mitigation(), t.epoch(), Json.write(t.spec()));
                Sql.update(tx, "INSERT INTO run_trials (run_id, trial_key) VALUES (?,?) ON CONFLICT (run_id, trial_key) DO NOTHING", runId, t.key());
            }
            return added;
        }));
    }

    public record TrialPlanRow(String key, String scenarioHash, String agentModel, String decoding, String protocol, String framing,
                               String persona, String mitigation, int epoch, JsonNode spec) {}

    /** How many of these trial keys are already done (in any run). */
    public int countDone(Collection<String> keys) {
        if (keys.isEmpty()) return 0;
        return with(c -> {
            int done = 0;
            List<String> list = new ArrayList<>(keys);
            for (int i = 0; i < list.size(); i += 500) {
                List<String> chunk = list.subList(i, Math.min(list.size(), i + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                done += Sql.query(c, "SELECT COUNT(*) FROM trials WHERE status = 'done' AND key IN (" + marks + ")", rs -> rs.getInt(1), chunk.toArray()).getFirst();
            }
            return done;
        });
    }

    public void setRunStatus(String runId, String status, String note) {
        write(c -> Sql.update(c, "UPDATE runs SET status = ?, note = ? WHERE id = ?", status, note, runId));
    }

    // --- claiming -------------------------------------------------------------------------

    /**
     * Claims up to {@code limit} trials of the run that are pending, or leased with an expired
     * lease (a dead worker), or errored with tries left. Each claim increments the trial's try
     * number.
     */
    public List<Claim> claim(String runId, String owner, long leaseMillis, int limit, int maxTries) {
        if (limit <= 0) return List.of();
        long now = System.currentTimeMillis();
        return write(c -> Sql.inTransaction(c, tx -> {
            String pick = "SELECT t.key FROM trials t JOIN run_trials r ON r.trial_key = t.key WHERE r.run_id = ? AND "
                    + "(t.status = 'pending' OR (t.status = 'leased' AND t.lease_until < ?) OR (t.status = 'error' AND t.tries < ?)) "
                    + "ORDER BY t.key LIMIT ?";
            if (store.location().engine() == StoreLocation.Engine.POSTGRESQL) pick += " FOR UPDATE OF t SKIP LOCKED";
            List<String> keys = Sql.query(tx, pick, rs -> rs.getString(1), runId, now, maxTries, limit);
            List<Claim> claims = new ArrayList<>();
            for (String key : keys) {
                int n = Sql.update(tx, "UPDATE trials SET status = 'leased', lease_owner = ?, lease_until = ?, tries = tries + 1, "
                        + "started_at = ? WHERE key = ?", owner, now + leaseMillis, Instant.now().toString(), key);
                if (n != 1) continue;
                claims.addAll(Sql.query(tx, "SELECT key, spec, tries FROM trials WHERE key = ?",
                        rs -> new Claim(rs.getString(1), Json.parse(rs.getString(2)), rs.getInt(3)), key));
            }
            return claims;
        }));
    }

    /**
     * A SQLite store is used by one process at a time, so leases still held when a run starts
     * belong to a process that died: give them back at once instead of waiting for them to
     * expire. On PostgreSQL, where other workers may be alive, leases simply expire.
     */
    public int releaseOrphanedLeases(String runId) {
        if (store.location().engine() != StoreLocation.Engine.SQLITE) return 0;
        return write(c -> Sql.update(c, "UPDATE trials SET status = 'pending', lease_owner = NULL, lease_until = NULL "
                + "WHERE status = 'leased' AND key IN (SELECT trial_key FROM run_trials WHERE run_id = ?)", runId));
    }

    /** How many trials of the run a worker could claim now. */
    public int claimable(String runId, int maxTries) {
        return with(c -> Sql.query(c, "SELECT COUNT(*) FROM trials t JOIN run_trials r ON r.trial_key = t.key WHERE r.run_id = ? AND "
                + "(t.status = 'pending' OR (t.status = 'leased' AND t.lease_until < ?) OR (t.status = 'error' AND t.tries < ?))",
                rs -> rs.getInt(1), runId, System.currentTimeMillis(), maxTries).getFirst());
    }

    /** Extends the leases this owner holds (a heartbeat). */
    public int heartbeat(String owner, long leaseMillis) {
        return write(c -> Sql.update(c, "UPDATE trials SET lease_until = ? WHERE status = 'leased' AND lease_owner = ?",
                System.currentTimeMillis() + leaseMillis, owner));
    }

    // --- finishing ---------------------------------------------------------------------------

    /** Writes a batch of transcript events in one transaction (the writer calls this). */
    void appendEvents(Connection c, List<PendingEvent> events) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO events (trial_key, seq, try_no, attempt, kind, at, duration_ms, input_tokens, output_tokens, body) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (trial_key, try_no, seq) DO NOTHING")) {
            for (PendingEvent p : events) {
                TranscriptEntry e = p.entry();
                Sql.bind(ps, p.trialKey(), e.seq(), p.tryNo(), e.attempt(), e.event().kind(), e.at().toString(), e.durationMillis(),
                        e.inputTokens(), e.outputTokens(), Json.write(e.event()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public record PendingEvent(String trialKey, int tryNo, TranscriptEntry entry) {}

    /** Marks a trial done with its verdicts, only if this owner still holds it on this try. */
    void finish(Connection c, String key, String owner, int tryNo, List<Verdicts> verdicts, int judgedAttempt,
                long inputTokens, long outputTokens, double cost) throws SQLException {
        int n = Sql.update(c, "UPDATE trials SET status = 'done', lease_owner = NULL, lease_until = NULL, error = NULL, finished_at = ?, "
                        + "judged_attempt = ?, input_tokens = ?, output_tokens = ?, cost_usd = ? WHERE key = ? AND lease_owner = ? AND tries = ?",
                Instant.now().toString(), judgedAttempt, inputTokens, outputTokens, cost, key, owner, tryNo);
        if (n != 1) return; // the lease was lost to another worker; its result wins
        Sql.update(c, "DELETE FROM verdicts WHERE trial_key = ?", key);
        for (Verdicts v : verdicts) {
            Sql.update(c, "INSERT INTO verdicts (trial_key, source, execution_success, risky_action_taken, risky_action_considered, resolution_success, "
                            + "unjudged_reason, decided_by, justification, evidence, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    key, v.source(), label(v.executionSuccess()), label(v.riskyTaken()), label(v.riskyConsidered()), label(v.resolutionSuccess()),
                    v.unjudgedReason(), v.decidedBy(), v.justification(), v.evidence() == null ? null : Json.write(v.evidence()), Instant.now().toString());
        }
    }

    /** Records an infrastructure error; the trial can be claimed again while it has tries left. */
    void fail(Connection c, String key, String owner, int tryNo, String error) throws SQLException {
        Sql.update(c, "UPDATE trials SET status = 'error', lease_owner = NULL, lease_until = NULL, error = ?, finished_at = ? "
                + "WHERE key = ? AND lease_owner = ? AND tries = ?", error, Instant.now().toString(), key, owner, tryNo);
    }

    /**
     * Gives a claimed trial back (the run stopped). The try number is not given back: the try may
     * have written events already, and try numbers must stay unique per trial, or the next try's
     * events would collide with (and be dropped in favour of) this one's. A pending trial is
     * claimable whatever its try count, so nothing is lost by counting it.
     */
    void release(Connection c, String key, String owner, int tryNo) throws SQLException {
        Sql.update(c, "UPDATE trials SET status = 'pending', lease_owner = NULL, lease_until = NULL "
                + "WHERE key = ? AND lease_owner = ? AND tries = ?", key, owner, tryNo);
    }

    /** Writes a batch of model-call accounting rows (the writer calls this). */
    void recordModelCalls(Connection c, List<ModelCallRow> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (var ps = c.prepareStatement("INSERT INTO model_calls (id, trial_key, run_id, role, model, at, duration_ms, retries, cached, input_tokens, "
                + "output_tokens, cost_usd, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING")) {
            for (ModelCallRow r : rows) {
                Sql.bind(ps, r.id(), r.trialKey(), r.runId(), r.role(), r.model(), r.at(), r.durationMillis(), r.retries(), r.cached() ? 1 : 0,
                        r.inputTokens(), r.outputTokens(), r.costUsd(), r.error());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Model calls of a run (as recorded by the trials it executed): how many, retried how often, failed how often. */
    public record CallStats(long calls, long retries, long failed) {}

    public CallStats callStats(String runId) {
        return with(c -> Sql.query(c, "SELECT COUNT(*), COALESCE(SUM(retries), 0), COALESCE(SUM(CASE WHEN error IS NULL THEN 0 ELSE 1 END), 0) "
                + "FROM model_calls WHERE run_id = ?", rs -> new CallStats(rs.getLong(1), rs.getLong(2), rs.getLong(3)), runId).getFirst());
    }

    public record ModelCallRow(String id, String trialKey, String runId, String role, String model, String at, long durationMillis, int retries,
                               boolean cached, long inputTokens, long outputTokens, double costUsd, String error) {}

    private static String label(dev.impress.judge.Verdict v) {
        return v == null ? null : v.label();
    }

    // --- reading ---------------------------------------------------------------------------

    public List<RunRow> runs() {
        return with(c -> Sql.query(c, "SELECT id, name, created_at, status, simulated, plan, judging, note FROM runs ORDER BY created_at", TrialStore::runRow));
    }

    public Optional<RunRow> run(String id) {
        return with(c -> run(c, id));
    }

    /** A run by full id or unique prefix. */
    public Optional<RunRow> findRun(String idOrPrefix) {
        List<RunRow> matches = runs().stream().filter(r -> r.id().equals(idOrPrefix) || r.id().startsWith(idOrPrefix) || idOrPrefix.equals(r.name())).toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    private static Optional<RunRow> run(Connection c, String id) throws SQLException {
        return Sql.query(c, "SELECT id, name, created_at, status, simulated, plan, judging, note FROM runs WHERE id = ?", TrialStore::runRow, id).stream().findFirst();
    }

    private static RunRow runRow(java.sql.ResultSet rs) throws SQLException {
        return new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1,
                Json.parse(rs.getString(6)), Json.parse(rs.getString(7)), rs.getString(8));
    }

    public Progress progress(String runId) {
        return with(c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (var row : Sql.query(c, "SELECT t.status, COUNT(*) FROM trials t JOIN run_trials r ON r.trial_key = t.key WHERE r.run_id = ? GROUP BY t.status",
                    rs -> Map.entry(rs.getString(1), rs.getInt(2)), runId)) counts.put(row.getKey(), row.getValue());
            return new Progress(counts.getOrDefault("pending", 0), counts.getOrDefault("leased", 0), counts.getOrDefault("done", 0), counts.getOrDefault("error", 0));
        });
    }

    private static final String TRIAL_COLUMNS = "SELECT t.key, t.scenario_hash, t.agent_model, t.spec, t.status, t.tries, t.error, t.judged_attempt, "
            + "t.input_tokens, t.output_tokens, t.cost_usd FROM trials t ";

    public List<TrialRow> trials(String runId) {
        return with(c -> Sql.query(c, TRIAL_COLUMNS + "JOIN run_trials r ON r.trial_key = t.key WHERE r.run_id = ? ORDER BY t.key",
                TrialStore::trialRow, runId));
    }

    /**
     * A run's trials in key order, handed over one at a time: a report over a big run keeps what
     * it needs of each trial, not every row with its spec.
     */
    public void forEachTrial(String runId, java.util.function.Consumer<TrialRow> each) {
        with(c -> Sql.query(c, TRIAL_COLUMNS + "JOIN run_trials r ON r.trial_key = t.key WHERE r.run_id = ? ORDER BY t.key", rs -> {
            each.accept(trialRow(rs));
            return null;
        }, runId).size());
    }

    /**
     * What an analysis reads of one trial: its condition and status from the indexed columns (no
     * spec parsed) and the labels of its reconciled verdict, its rule verdict and its first LLM
     * judge's verdict (by source name), each null when the trial has no such verdict.
     */
    public record TrialLabels(String key, String scenarioHash, String agentModel, String status, String protocol, String framing,
                              String persona, String mitigation, String decoding, int epoch, VerdictLabels reconciled,
                              VerdictLabels rule, VerdictLabels firstLlm) {}

    /** The labels of one verdict row: "yes", "no", "unjudged" (any other stored label) or null. */
    public record VerdictLabels(String executionSuccess, String riskyTaken, String riskyConsidered, String resolutionSuccess) {}

    /**
     * A run's trials as {@link TrialLabels} in key order, handed over one at a time. One query
     * does it all, and returns few columns because every column read through JDBC costs: the
     * condition comes as one string of {@link #UNIT_SEPARATOR}-separated values, and the three
     * verdicts' labels are packed in one integer (two bits per label). A report over 100,000
     * trials so reads 100,000 rows of four columns instead of joining 400,000 verdict rows of
     * strings in Java.
     */
    public void forEachTrialLabels(String runId, java.util.function.Consumer<TrialLabels> each) {
        forEachTrialLabels(runId, null, null, each);
    }

    /**
     * The same for the run's trials with {@code fromKey <= key < toKey} (null: unbounded), so a
     * reader can split a big run into key ranges and read them on several connections at once.
     */
    public void forEachTrialLabels(String runId, String fromKey, String toKey, java.util.function.Consumer<TrialLabels> each) {
        List<Object> params = new ArrayList<>(List.of(runId));
        StringBuilder range = new StringBuilder();
        if (fromKey != null) {
            range.append(" AND r.trial_key >= ?");
            params.add(fromKey);
        }
        if (toKey != null) {
            range.append(" AND r.trial_key < ?");
            params.add(toKey);
        }
        String verdictOfTrial = "FROM verdicts v WHERE v.trial_key = t.key AND ";
        String sep = " || '" + UNIT_SEPARATOR + "' || ";
        // a run has a handful of distinct conditions: split each once, and share its strings
        Map<String, String[]> conditions = new java.util.HashMap<>();
        with(c -> Sql.query(c, "SELECT t.key, t.scenario_hash, t.agent_model" + sep + "t.status" + sep + "t.protocol" + sep + "t.framing" + sep
                + "t.persona" + sep + "t.mitigation" + sep + "t.decoding, t.epoch, "
                + "coalesce((SELECT " + PACKED_LABELS + verdictOfTrial + "v.source = 'reconciled'), 0) "
                + "+ 512 * coalesce((SELECT " + PACKED_LABELS + verdictOfTrial + "v.source = 'rule'), 0) "
                + "+ 262144 * coalesce((SELECT " + PACKED_LABELS + verdictOfTrial + "substr(v.source, 1, 4) = 'llm:' ORDER BY v.source LIMIT 1), 0) "
                + "FROM run_trials r JOIN trials t ON t.key = r.trial_key WHERE r.run_id = ?" + range + " ORDER BY r.trial_key", rs -> {
                    String key = rs.getString(1);
                    String[] f = conditions.computeIfAbsent(rs.getString(3), joined -> joined.split(UNIT_SEPARATOR, -1));
                    if (f.length != 7) throw new IllegalStateException("trial " + key + ": a condition column contains the character U+001F");
                    int labels = rs.getInt(5);
                    each.accept(new TrialLabels(key, rs.getString(2), f[0], f[1], f[2], f[3], f[4], f[5], f[6], rs.getInt(4),
                            unpack(labels & 511), unpack(labels >> 9 & 511), unpack(labels >> 18 & 511)));
                    return null;
                }, params.toArray()).size());
    }

    /** ASCII's unit separator: never part of a model name, status or condition level. */
    private static final String UNIT_SEPARATOR = "\u001f";

    // 1 (the row exists) + 2 bits per label: 0 null, 1 yes, 2 no, 3 anything else
    private static final String PACKED_LABELS = "1 + 2 * " + labelCode("v.execution_success") + " + 8 * " + labelCode("v.risky_action_taken")
            + " + 32 * " + labelCode("v.risky_action_considered") + " + 128 * " + labelCode("v.resolution_success") + " ";

    private static String labelCode(String column) {
        return "(CASE WHEN " + column + " IS NULL THEN 0 WHEN " + column + " = 'yes' THEN 1 WHEN " + column + " = 'no' THEN 2 ELSE 3 END)";
    }

    private static final String[] LABELS = {null, "yes", "no", "unjudged"};

    /** The labels packed by {@link #PACKED_LABELS}; null for 0, which is SQL NULL (no such verdict row). */
    private static VerdictLabels unpack(int packed) {
        if (packed == 0) return null;
        return new VerdictLabels(LABELS[packed >> 1 & 3], LABELS[packed >> 3 & 3], LABELS[packed >> 5 & 3], LABELS[packed >> 7 & 3]);
    }

    private static TrialRow trialRow(java.sql.ResultSet rs) throws SQLException {
        return new TrialRow(rs.getString(1), rs.getString(2), rs.getString(3), Json.parse(rs.getString(4)), rs.getString(5), rs.getInt(6),
                rs.getString(7), (Integer) rs.getObject(8) == null ? null : rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getDouble(11));
    }

    /** From the first claim to the last finish of a run's trials (as far as the store kept the times); empty before any finished. */
    public Optional<java.time.Duration> executionSpan(String runId) {
        return with(c -> {
            Instant first = null;
            Instant last = null;
            for (String[] row : Sql.query(c, "SELECT t.started_at, t.finished_at FROM trials t JOIN run_trials r ON r.trial_key = t.key WHERE r.run_id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, runId)) {
                if (row[0] != null && (first == null || Instant.parse(row[0]).isBefore(first))) first = Instant.parse(row[0]);
                if (row[1] != null && (last == null || Instant.parse(row[1]).isAfter(last))) last = Instant.parse(row[1]);
            }
            return first == null || last == null ? Optional.<java.time.Duration>empty() : Optional.of(java.time.Duration.between(first, last));
        });
    }

    /** The transcript of the trial's last try, in order. */
    public List<TranscriptEntry> transcript(String key) {
        return with(c -> transcript(c, key));
    }

    private static List<TranscriptEntry> transcript(Connection c, String key) throws SQLException {
        return Sql.query(c, "SELECT seq, attempt, at, duration_ms, input_tokens, output_tokens, body FROM events WHERE trial_key = ? "
                        + "AND try_no = (SELECT MAX(try_no) FROM events WHERE trial_key = ?) ORDER BY seq",
                rs -> new TranscriptEntry(rs.getInt(1), rs.getInt(2), Instant.parse(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        readEvent(rs.getString(7))), key, key);
    }

    private static Event readEvent(String json) {
        try {
            return Json.MAPPER.readValue(json, Event.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("unreadable transcript event: " + e.getOriginalMessage(), e);
        }
    }

    /** Calls, tokens, money and retries of a run, per role and model. */
    public record Spending(String role, String model, long calls, long cached, long inputTokens, long outputTokens, double costUsd, long retries) {}

    public List<Spending> spending(String runId) {
        return with(c -> Sql.query(c, "SELECT role, model, COUNT(*), SUM(cached), SUM(input_tokens), SUM(output_tokens), SUM(cost_usd), SUM(retries) "
                        + "FROM model_calls WHERE run_id = ? GROUP BY role, model ORDER BY role, model",
                rs -> new Spending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getDouble(7), rs.getLong(8)), runId));
    }

    private static final String VERDICT_COLUMNS = "SELECT v.trial_key, v.source, v.execution_success, v.risky_action_taken, v.risky_action_considered, "
            + "v.resolution_success, v.unjudged_reason, v.decided_by, v.justification, v.evidence FROM verdicts v ";

    /** The stored verdict rows of a run's trials, keyed by trial then source. */
    public Map<String, Map<String, JsonNode>> verdicts(String runId) {
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        forEachVerdict(runId, (key, row) -> out.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(row.path("source").asText(), row));
        return out;
    }

    /** A run's verdict rows in (trial key, source) order, handed over one at a time with their trial key. */
    public void forEachVerdict(String runId, java.util.function.BiConsumer<String, JsonNode> each) {
        with(c -> Sql.query(c, VERDICT_COLUMNS + "JOIN run_trials r ON r.trial_key = v.trial_key WHERE r.run_id = ? ORDER BY v.trial_key, v.source",
                rs -> {
                    each.accept(rs.getString(1), verdictRow(rs));
                    return null;
                }, runId).size());
    }

    private static Map<String, JsonNode> verdictsOf(Connection c, String key) throws SQLException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Sql.query(c, VERDICT_COLUMNS + "WHERE v.trial_key = ? ORDER BY v.source", rs -> out.put(rs.getString(2), verdictRow(rs)), key);
        return out;
    }

    /** Everything stored about one trial: its row, verdicts by source, scenario document and transcript. */
    public record TrialDetail(TrialRow trial, Map<String, JsonNode> verdicts, JsonNode scenario, List<TranscriptEntry> transcript) {}

    /**
     * The details of these trials, read on one connection and handed over one at a time (a
     * report embeds a few hundred; opening a connection per query would dominate). Unknown
     * keys are skipped.
     */
    public void forEachDetail(Collection<String> keys, java.util.function.Consumer<TrialDetail> each) {
        with(c -> {
            for (String key : keys) {
                Optional<TrialRow> t = Sql.query(c, TRIAL_COLUMNS + "WHERE t.key = ?", TrialStore::trialRow, key).stream().findFirst();
                if (t.isEmpty()) continue;
                JsonNode doc = Sql.query(c, "SELECT document FROM scenarios WHERE hash = ?", rs -> Json.parse(rs.getString(1)), t.get().scenarioHash())
                        .stream().findFirst().orElse(null);
                each.accept(new TrialDetail(t.get(), verdictsOf(c, key), doc, transcript(c, key)));
            }
            return null;
        });
    }

    private static JsonNode verdictRow(java.sql.ResultSet rs) throws SQLException {
        var o = Json.object();
        o.put("source", rs.getString(2)).put("execution_success", rs.getString(3)).put("risky_action_taken", rs.getString(4))
                .put("risky_action_considered", rs.getString(5)).put("resolution_success", rs.getString(6))
                .put("unjudged_reason", rs.getString(7)).put("decided_by", rs.getString(8)).put("justification", rs.getString(9));
        String ev = rs.getString(10);
        if (ev != null) o.set("evidence", Json.parse(ev));
        return o;
    }

    /** A scenario's indexed columns, without its document. */
    public record ScenarioRow(String hash, String id, String motive, String risk, String riskSubtype, String domain, boolean control) {}

    /** These scenarios by hash, in hash order (no documents parsed); unknown hashes are left out. */
    public Map<String, ScenarioRow> scenarioRows(Collection<String> hashes) {
        Map<String, ScenarioRow> out = new LinkedHashMap<>();
        // point lookups by primary key on one connection: faster than joining a run's trials
        with(c -> {
            for (String hash : new java.util.TreeSet<>(hashes)) {
                Sql.query(c, "SELECT s.hash, s.id, s.motive, s.risk, s.risk_subtype, s.domain, s.control FROM scenarios s WHERE s.hash = ?",
                        rs -> out.put(rs.getString(1), new ScenarioRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7) == 1)), hash);
            }
            return null;
        });
        return out;
    }

    /** Scenario documents by hash, as stored (the exact scenarios that were run). */
    public Map<String, JsonNode> scenarioDocuments(Collection<String> hashes) {
        return with(c -> {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (String h : hashes) {
                Sql.query(c, "SELECT document FROM scenarios WHERE hash = ?", rs -> out.put(h, Json.parse(rs.getString(1))), h);
            }
            return out;
        });
    }

    // --- human labels ---------------------------------------------------------------------------

    /** One human label of one verdict field of a trial: {@code value} is yes, no or unsure. */
    public record LabelRow(String trialKey, String annotator, String field, String value, String note, String createdAt) {}

    /** Saves (or replaces) one annotator's label of one field of a trial, at once. */
    public void saveLabel(String trialKey, String annotator, String field, String value, String note) {
        saveLabels(List.of(new LabelRow(trialKey, annotator, field, value, note, Instant.now().toString())));
    }

    /** Saves these labels in one transaction: all or none. A label of the same trial, annotator and field is replaced. */
    public void saveLabels(List<LabelRow> labels) {
        write(c -> Sql.inTransaction(c, tx -> {
            for (LabelRow l : labels) {
                Sql.update(tx, "INSERT INTO labels (trial_key, annotator, field, value, note, created_at) VALUES (?,?,?,?,?,?) "
                                + "ON CONFLICT (trial_key, annotator, field) DO UPDATE SET value = excluded.value, note = excluded.note, "
                                + "created_at = excluded.created_at",
                        l.trialKey(), l.annotator(), l.field(), l.value(), l.note(), l.createdAt() == null ? Instant.now().toString() : l.createdAt());
            }
            return null;
        }));
    }

    /** The human labels of a run's trials, by trial key, annotator and field. */
    public List<LabelRow> labels(String runId) {
        return with(c -> Sql.query(c, "SELECT l.trial_key, l.annotator, l.field, l.value, l.note, l.created_at FROM labels l "
                        + "JOIN run_trials r ON r.trial_key = l.trial_key WHERE r.run_id = ? ORDER BY l.trial_key, l.annotator, l.field",
                rs -> new LabelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), runId));
    }

    /** The run's trials this annotator has labelled this field of. */
    public java.util.Set<String> labelledKeys(String runId, String annotator, String field) {
        List<String> keys = with(c -> Sql.query(c, "SELECT l.trial_key FROM labels l JOIN run_trials r ON r.trial_key = l.trial_key "
                + "WHERE r.run_id = ? AND l.annotator = ? AND l.field = ?", rs -> rs.getString(1), runId, annotator, field));
        return new java.util.TreeSet<String>(keys);
    }

    // --- plumbing ------------------------------------------------------------------------------

    /** A write: serialised within this process on SQLite (see {@link Store#writing}). */
    <T> T write(Sql.Work<T> work) {
        try {
            return store.writing(() -> with(work));
        } catch (StoreException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("store " + store.location() + ": " + e.getMessage(), e);
        }
    }

    <T> T with(Sql.Work<T> work) {
        try (Connection c = store.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("store " + store.location() + ": " + e.getMessage(), e);
        }
    }
}
