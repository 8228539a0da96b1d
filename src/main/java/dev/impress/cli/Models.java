package dev.impress.cli;

import dev.impress.experiment.ModelResolver;
import dev.impress.model.ChatModel;
import dev.impress.scenario.Scenario;
import dev.impress.sim.SimulatedAgent;
import dev.impress.sim.SimulatedJudge;
import dev.impress.sim.SimulationSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the model specs a user types. {@code sim/...} are the simulated models of the offline
 * demo (a spec containing "judge" is the simulated judge, anything else the simulated agent).
 * One instance per spec, shared by all trials of a command.
 */
final class Models implements ModelResolver {
    private final Map<String, ChatModel> cache = new ConcurrentHashMap<>();
    private final SimulationSettings sim;
    private final java.util.function.Function<String, Scenario> scenarios;

    Models(List<Scenario> scenarios, SimulationSettings sim) {
        this.sim = sim;
        this.scenarios = SimulatedAgent.lookup(scenarios);
    }

    @Override
    public ChatModel resolve(String spec) {
        return cache.computeIfAbsent(spec, this::create);
    }

    private ChatModel create(String spec) {
        int slash = spec.indexOf('/');
        if (slash <= 0 || slash == spec.length() - 1) {
            throw new UserError("model '" + spec + "': expected provider/model, e.g. openai/gpt-4.1, anthropic/claude-sonnet-4-5, sim/agent");
        }
        String provider = spec.substring(0, slash);
        if (provider.equals("sim")) {
            return spec.contains("judge") ? new SimulatedJudge(spec, sim, scenarios) : new SimulatedAgent(spec, sim, scenarios);
        }
        throw new UserError("model '" + spec + "': provider '" + provider + "' is not available in this build; available: sim");
    }
}
