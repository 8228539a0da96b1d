package dev.impress.experiment;

import dev.impress.scenario.Scenario;
import dev.impress.store.TrialStore;
import java.util.List;

/**
 * Turns a plan into a run in the store: the scenarios as run, the run row, its trials. Nothing
 * is written for a dry run. Rerunning the same plan finds the same run and adds nothing; trials
 * already done (in this or another run) are linked, not rerun.
 */
public final class RunService {
    private RunService() {}

    public record Prepared(String runId, String name, List<TrialSpec> specs, int alreadyDone, Estimate estimate) {}

    public static Prepared prepare(TrialStore store, Plan plan, List<Scenario> scenarios, boolean simulated,
                                   Estimate.Prices prices, boolean dryRun) {
        List<TrialSpec> specs = plan.trials(scenarios);
        String runId = plan.runId(scenarios);
        String name = plan.name() == null || plan.name().isBlank() ? runId : plan.name();
        int done = store == null ? 0 : store.countDone(specs.stream().map(TrialSpec::key).toList());
        Estimate estimate = Estimate.of(specs, done, plan.judging(), prices);
        if (!dryRun) {
            store.saveScenarios(scenarios);
            store.createRun(runId, name, plan.toJson(scenarios), dev.impress.json.Json.toTree(plan.judging()), simulated);
            store.addTrials(runId, specs.stream().map(t -> new TrialStore.TrialPlanRow(t.key(), t.scenario().hash(), t.agentModel(),
                    t.decoding().label(), t.protocolLabel(), t.conditions().framing(), t.conditions().persona(),
                    t.conditions().mitigation().label(), t.epoch(), TrialSpecJson.write(t))).toList());
        }
        return new Prepared(runId, name, specs, done, estimate);
    }
}
