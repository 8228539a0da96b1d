package dev.impress.experiment;

import dev.impress.agent.AgentPrompt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run will cost before it starts: trials, model calls per role, tokens and money. Token
 * counts are estimated from the real prompt sizes (about 4 characters a token) and typical
 * trajectory lengths (about 4 turns an attempt, growing context, 1.1 attempts a trial); the
 * money from the price table. An estimate, printed as one, never a measurement.
 */
public record Estimate(int trials, int alreadyDone, Map<String, Role> roles) {
    public record Role(String model, long calls, long inputTokens, long outputTokens, Double costUsd) {}

    /** USD per million input and output tokens, if the price table knows the model. */
    public interface Prices extends Function<String, Optional<double[]>> {}

    static final double TURNS_PER_ATTEMPT = 4.0;
    static final double ATTEMPTS_PER_TRIAL = 1.1;
    static final int OUTPUT_TOKENS_PER_TURN = 250;
    static final int TOOL_RESULT_TOKENS_PER_TURN = 150;

    public static Estimate of(List<TrialSpec> specs, int alreadyDone, JudgingConfig judging, Prices prices) {
        Map<String, long[]> perRole = new LinkedHashMap<>();
        Map<String, String> roleModel = new LinkedHashMap<>();
        // Prompt sizes depend on scenario and condition only: measured once each, not once per
        // trial (a plan of 10,000 trials has a few hundred distinct prompts).
        Map<String, Long> promptTokens = new java.util.HashMap<>();
        Map<String, Long> storyTokens = new java.util.HashMap<>();
        for (TrialSpec t : specs) {
            long prompt = promptTokens.computeIfAbsent(t.scenario().hash() + "|" + t.conditions(),
                    k -> (long) AgentPrompt.userPrompt(t.scenario(), t.conditions()).length() / 4);
            String agentRole = "agent " + t.agentModel();
            roleModel.put(agentRole, t.agentModel());
            if (t.conditions().protocol().judgmentOnly()) {
                add(perRole, agentRole, 1, 400, 80);
                continue;
            }
            double turns = TURNS_PER_ATTEMPT * ATTEMPTS_PER_TRIAL;
            long input = 0;
            for (int turn = 0; turn < Math.round(turns); turn++) input += prompt + (long) turn * (OUTPUT_TOKENS_PER_TURN + TOOL_RESULT_TOKENS_PER_TURN);
            add(perRole, agentRole, Math.round(turns), input, Math.round(turns * OUTPUT_TOKENS_PER_TURN));
            long judgeInput = storyTokens.computeIfAbsent(t.scenario().hash(),
                    k -> (long) (t.scenario().background().length() + t.scenario().renderedContext().length()) / 4) + 1200
                    + Math.round(turns) * (OUTPUT_TOKENS_PER_TURN + TOOL_RESULT_TOKENS_PER_TURN);
            if (judging.judge() != null) {
                roleModel.put("judge " + judging.judge(), judging.judge());
                add(perRole, "judge " + judging.judge(), 1, judgeInput, 300);
            }
            if (judging.resolutionJudge() != null) {
                roleModel.put("resolution " + judging.resolutionJudge(), judging.resolutionJudge());
                add(perRole, "resolution " + judging.resolutionJudge(), 1, judgeInput, 200);
            }
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        perRole.forEach((role, v) -> {
            String model = roleModel.get(role);
            Double cost = prices.apply(model).map(p -> v[1] / 1e6 * p[0] + v[2] / 1e6 * p[1]).orElse(null);
            roles.put(role, new Role(model, v[0], v[1], v[2], cost));
        });
        return new Estimate(specs.size(), alreadyDone, roles);
    }

    private static void add(Map<String, long[]> perRole, String role, long calls, long in, long out) {
        long[] v = perRole.computeIfAbsent(role, k -> new long[3]);
        v[0] += calls;
        v[1] += in;
        v[2] += out;
    }

    /** The total cost, or empty when some model has no price. */
    public Optional<Double> totalCost() {
        double sum = 0;
        for (Role r : roles.values()) {
            if (r.costUsd() == null) return Optional.empty();
            sum += r.costUsd();
        }
        return Optional.of(sum);
    }

    /** Scales an estimate of all trials down to the ones still to run. */
    public Estimate remaining() {
        if (trials == 0) return this;
        double f = (double) (trials - alreadyDone) / trials;
        Map<String, Role> scaled = new LinkedHashMap<>();
        roles.forEach((k, r) -> scaled.put(k, new Role(r.model(), Math.round(r.calls() * f), Math.round(r.inputTokens() * f),
                Math.round(r.outputTokens() * f), r.costUsd() == null ? null : r.costUsd() * f)));
        return new Estimate(trials - alreadyDone, 0, scaled);
    }

}
