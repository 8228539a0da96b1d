package dev.impress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.experiment.JudgingConfig;
import dev.impress.json.Json;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioDocument;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.store.Store;
import dev.impress.store.StoreLocation;
import dev.impress.store.TrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finding a stored run and reading back what it needs to continue: scenarios as run, models, judging. */
final class StoredRuns {
    private StoredRuns() {}

    /** Opens an existing store; a missing SQLite file is a user error, not a new empty store. */
    static TrialStore open(String db) {
        StoreLocation location = StoreLocation.parse(db);
        if (location.engine() == StoreLocation.Engine.SQLITE && !Files.exists(Path.of(location.toString()))) {
            throw new UserError("--db: no store at " + location + " (runs are stored where `impress run --db` put them; default impress.db)");
        }
        return new TrialStore(Store.open(location));
    }

    static TrialStore.RunRow find(TrialStore trials, String id) {
        return trials.findRun(id).orElseThrow(() -> new UserError("no run '" + id + "' (or more than one matches) in " + trials.store().location()
                + "; runs there: " + trials.runs().stream().map(TrialStore.RunRow::id).toList()));
    }

    record Loaded(List<Scenario> scenarios, List<String> modelSpecs, JudgingConfig judging) {}

    static Loaded load(TrialStore trials, TrialStore.RunRow run) {
        JsonNode plan = run.plan();
        List<String> hashes = new ArrayList<>();
        plan.path("scenario_hashes").forEach(h -> hashes.add(h.asText()));
        List<ScenarioDocument> docs = new ArrayList<>();
        trials.scenarioDocuments(hashes).forEach((hash, doc) -> docs.add(new ScenarioDocument("store:" + hash, 0, doc, dev.impress.scenario.LineIndex.none())));
        var report = new ScenarioValidator().validate(docs);
        if (!report.ok()) throw new UserError("the stored scenarios of run " + run.id() + " no longer validate: " + report.problems().getFirst());
        JudgingConfig judging;
        try {
            judging = Json.MAPPER.treeToValue(run.judging(), JudgingConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError("run " + run.id() + " has an unreadable judging configuration: " + e.getOriginalMessage());
        }
        Set<String> specs = new LinkedHashSet<>();
        plan.path("models").forEach(m -> specs.add(m.asText()));
        if (judging.judge() != null) specs.add(judging.judge());
        if (judging.resolutionJudge() != null) specs.add(judging.resolutionJudge());
        return new Loaded(report.scenarios(), List.copyOf(specs), judging);
    }
}
