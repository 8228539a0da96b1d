package dev.impress.experiment;

import dev.impress.agent.AgentResult;
import dev.impress.agent.AgentRunner;
import dev.impress.judge.Judging;
import dev.impress.judge.TrialJudgement;
import dev.impress.model.ChatModel;
import dev.impress.transcript.Transcript;
import java.util.Map;

/**
 * Runs one trial end to end: the agent (every event appended to the transcript as it happens),
 * then its judging. Model failures propagate as {@link dev.impress.model.ModelException}: the
 * caller records an infrastructure error and may retry; they never become verdicts.
 */
public final class TrialExecutor {
    private final ModelResolver models;
    private final Judging judging;

    public TrialExecutor(ModelResolver models, Judging judging) {
        this.models = models;
        this.judging = judging;
    }

    public record Outcome(AgentResult agent, TrialJudgement judgement) {}

    public Outcome run(TrialSpec spec, Transcript transcript) {
        ChatModel agent = models.resolve(spec.agentModel());
        Map<String, String> metadata = Map.of(
                "trial_key", spec.key(),
                "scenario_hash", spec.scenario().hash(),
                "scenario_id", spec.scenario().id(),
                "epoch", String.valueOf(spec.epoch()));
        AgentResult result = new AgentRunner(agent, spec.decoding(), spec.conditions(), spec.limits())
                .run(spec.scenario(), transcript, metadata);
        TrialJudgement judgement = judging.judge(spec.scenario(), result, transcript, metadata);
        return new Outcome(result, judgement);
    }
}
