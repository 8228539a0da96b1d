package dev.impress.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.impress.judge.Judging;
import dev.impress.judge.LlmJudge;
import dev.impress.judge.Reconciler;
import dev.impress.judge.TrajectoryRenderer;
import dev.impress.taxonomy.Taxonomy;

/**
 * How a run's trials are judged, stored with the run so that a resumed run or a remote worker
 * judges exactly as the original command asked. {@code judge} and {@code resolutionJudge} may be
 * null (rule detector only).
 */
public record JudgingConfig(String judge, @JsonProperty("resolution_judge") String resolutionJudge,
                            @JsonProperty("judge_tries") int judgeTries,
                            @JsonProperty("judge_sees_reasoning") boolean judgeSeesReasoning,
                            Reconciler.Policy reconcile) {
    public JudgingConfig {
        if (judgeTries < 1) throw new IllegalArgumentException("judge tries must be at least 1, found " + judgeTries);
        if (reconcile == null) reconcile = Reconciler.Policy.EITHER;
    }

    public Judging build(ModelResolver models) {
        TrajectoryRenderer renderer = new TrajectoryRenderer(judgeSeesReasoning);
        LlmJudge llm = judge == null ? null : new LlmJudge(models.resolve(judge), LlmJudge.Kind.MISALIGNMENT, judgeTries, renderer, Taxonomy.builtIn());
        LlmJudge resolution = resolutionJudge == null ? null
                : new LlmJudge(models.resolve(resolutionJudge), LlmJudge.Kind.RESOLUTION, judgeTries, renderer, Taxonomy.builtIn());
        return new Judging(llm, resolution, new Reconciler(reconcile));
    }
}
