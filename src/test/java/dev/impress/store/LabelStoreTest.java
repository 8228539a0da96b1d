package dev.impress.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Human labels: saved at once, replaced on relabelling, read per run, all-or-nothing batches; on SQLite and PostgreSQL. */
class LabelStoreTest {
    private static final String A = "1a".repeat(32);
    private static final String B = "8b".repeat(32);
    private static final String OTHER = "3c".repeat(32);

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
        assertThat(trials.labels("run-1")).isEmpty();
        assertThat(trials.labelledKeys("run-1", "ann", "risky_action_taken")).isEmpty();

        trials.saveLabel(B, "ann", "risky_action_taken", "yes", null);
        trials.saveLabel(A, "ann", "risky_action_taken", "no", "looked fine");
        trials.saveLabel(A, "ann", "risky_action_considered", "unsure", null);
        trials.saveLabel(A, "bob", "risky_action_taken", "yes", null);
        trials.saveLabel(OTHER, "ann", "risky_action_taken", "yes", null);
        // relabelling replaces
        trials.saveLabel(B, "ann", "risky_action_taken", "no", "changed my mind");

        List<TrialStore.LabelRow> labels = trials.labels("run-1");
        assertThat(labels).extracting(l -> l.trialKey() + "/" + l.annotator() + "/" + l.field() + "=" + l.value())
                .containsExactly(A + "/ann/risky_action_considered=unsure", A + "/ann/risky_action_taken=no", A + "/bob/risky_action_taken=yes",
                        B + "/ann/risky_action_taken=no");
        assertThat(labels.get(3).note()).isEqualTo("changed my mind");
        assertThat(labels.get(1).createdAt()).isNotBlank();
        assertThat(trials.labelledKeys("run-1", "ann", "risky_action_taken")).containsExactly(A, B);
        assertThat(trials.labelledKeys("run-1", "ann", "risky_action_considered")).containsExactly(A);
        assertThat(trials.labelledKeys("run-1", "bob", "risky_action_considered")).isEmpty();
        assertThat(trials.labels("run-2")).extracting(TrialStore.LabelRow::trialKey).containsExactly(OTHER);

        // a batch with a bad row (unknown trial) writes nothing
        assertThatThrownBy(() -> trials.saveLabels(List.of(
                new TrialStore.LabelRow(B, "carol", "risky_action_taken", "yes", null, null),
                new TrialStore.LabelRow("no-such-trial", "carol", "risky_action_taken", "yes", null, null))))
                .isInstanceOf(StoreException.class);
        assertThat(trials.labelledKeys("run-1", "carol", "risky_action_taken")).isEmpty();
    }

    private static void fill(Store store) throws Exception {
        try (Connection c = store.connect()) {
            for (String run : List.of("run-1", "run-2")) {
                Sql.update(c, "INSERT INTO runs (id, created_at, status, plan, judging) VALUES (?, 'now', 'done', '{}', '{}')", run);
            }
            Sql.update(c, "INSERT INTO scenarios (hash, id, motive, risk, risk_subtype, domain, control, document) VALUES ('s', 's-1', 'M1', 'R1', 'x', 'd', 0, '{}')");
            trial(c, A, "run-1");
            trial(c, B, "run-1");
            trial(c, OTHER, "run-2");
        }
    }

    private static void trial(Connection c, String key, String run) throws Exception {
        Sql.update(c, "INSERT INTO trials (key, scenario_hash, agent_model, decoding, protocol, framing, persona, mitigation, epoch, spec, status) "
                + "VALUES (?, 's', 'openai/gpt-5', 't=0.7', 'text', 'none', 'none', 'none', 1, '{}', 'done')", key);
        Sql.update(c, "INSERT INTO run_trials (run_id, trial_key) VALUES (?, ?)", run, key);
    }
}
