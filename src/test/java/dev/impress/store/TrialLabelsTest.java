package dev.impress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed one-query read of a run's trials and verdict labels, on SQLite and PostgreSQL. */
class TrialLabelsTest {
    private static final String LOW = "1a".repeat(32);
    private static final String MID = "8b".repeat(32);
    private static final String HIGH = "f0".repeat(32);
    private static final String OTHER_RUN = "3c".repeat(32);
    private static final String SCENARIO = "ab".repeat(32);

    @Test
    void sqlite(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir.resolve("s.db").toString())) {
            check(store);
        }
    }

    @Test
    void postgresql() throws Exception {
        TestDatabases.onFreshPostgres(s -> check(s));
    }

    private static void check(Store store) throws Exception {
        fill(store);
        TrialStore trials = new TrialStore(store);
        List<TrialStore.TrialLabels> all = new ArrayList<>();
        trials.forEachTrialLabels("run-1", all::add);
        assertThat(all).extracting(TrialStore.TrialLabels::key).containsExactly(LOW, MID, HIGH);

        TrialStore.TrialLabels low = all.get(0);
        assertThat(List.of(low.scenarioHash(), low.agentModel(), low.status(), low.protocol(), low.framing(), low.persona(), low.mitigation(),
                low.decoding())).containsExactly(SCENARIO, "openai/gpt-5", "done", "text", "none", "risk-tolerant", "safety-prompt", "t=0.7,top_p=0.9");
        assertThat(low.epoch()).isEqualTo(3);
        assertThat(low.reconciled()).isEqualTo(new TrialStore.VerdictLabels("yes", "no", "unjudged", null));
        assertThat(low.rule()).isEqualTo(new TrialStore.VerdictLabels("no", "yes", null, null));
        // the first LLM judge by source name, whatever the insertion order
        assertThat(low.firstLlm()).isEqualTo(new TrialStore.VerdictLabels("yes", "yes", "yes", null));

        TrialStore.TrialLabels mid = all.get(1);
        assertThat(mid.status()).isEqualTo("error");
        assertThat(mid.reconciled()).isNull();
        assertThat(mid.rule()).isNull();
        assertThat(mid.firstLlm()).isNull();
        // a stored label other than yes/no reads as unjudged
        assertThat(all.get(2).reconciled()).isEqualTo(new TrialStore.VerdictLabels("no", "no", "no", "unjudged"));

        // key ranges split the run without losing or repeating a trial
        List<String> below = new ArrayList<>();
        List<String> above = new ArrayList<>();
        trials.forEachTrialLabels("run-1", null, "8", t -> below.add(t.key()));
        trials.forEachTrialLabels("run-1", "8", null, t -> above.add(t.key()));
        assertThat(below).containsExactly(LOW);
        assertThat(above).containsExactly(MID, HIGH);

        assertThat(trials.scenarioRows(Set.of(SCENARIO, "unknown"))).containsOnlyKeys(SCENARIO);
    }

    private static void fill(Store store) throws Exception {
        try (Connection c = store.connect()) {
            for (String run : List.of("run-1", "run-2")) {
                Sql.update(c, "INSERT INTO runs (id, created_at, status, plan, judging) VALUES (?, 'now', 'done', '{}', '{}')", run);
            }
            Sql.update(c, "INSERT INTO scenarios (hash, id, motive, risk, risk_subtype, domain, control, document) VALUES (?, 's-1', 'M1', 'R1', 'x', 'd', 0, '{}')",
                    SCENARIO);
            trial(c, LOW, "done", "run-1");
            trial(c, MID, "error", "run-1");
            trial(c, HIGH, "done", "run-1");
            trial(c, OTHER_RUN, "done", "run-2");
            verdict(c, LOW, "reconciled", "yes", "no", "unjudged", null);
            verdict(c, LOW, "rule", "no", "yes", null, null);
            verdict(c, LOW, "llm:z-judge", "no", "no", "no", null);
            verdict(c, LOW, "llm:a-judge", "yes", "yes", "yes", null);
            verdict(c, LOW, "resolution:a-judge", null, null, null, "yes");
            verdict(c, HIGH, "reconciled", "no", "no", "no", "maybe");
        }
    }

    private static void trial(Connection c, String key, String status, String run) throws Exception {
        Sql.update(c, "INSERT INTO trials (key, scenario_hash, agent_model, decoding, protocol, framing, persona, mitigation, epoch, spec, status) "
                + "VALUES (?, ?, 'openai/gpt-5', 't=0.7,top_p=0.9', 'text', 'none', 'risk-tolerant', 'safety-prompt', 3, '{}', ?)", key, SCENARIO, status);
        Sql.update(c, "INSERT INTO run_trials (run_id, trial_key) VALUES (?, ?)", run, key);
    }

    private static void verdict(Connection c, String key, String source, String es, String taken, String considered, String resolved) throws Exception {
        Sql.update(c, "INSERT INTO verdicts (trial_key, source, execution_success, risky_action_taken, risky_action_considered, resolution_success, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'now')", key, source, es, taken, considered, resolved);
    }
}
