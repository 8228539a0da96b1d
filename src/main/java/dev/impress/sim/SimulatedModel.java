package dev.impress.sim;

import dev.impress.model.ChatModel;
import dev.impress.model.ChatRequest;
import dev.impress.scenario.Scenario;
import java.util.function.Function;

/**
 * What the simulated agent and judge share: an id, their settings, and finding the scenario a
 * request is about (the request metadata carries its content hash). Always simulated.
 */
abstract class SimulatedModel implements ChatModel {
    private final String id;
    protected final SimulationSettings settings;
    private final Function<String, Scenario> scenarios;

    SimulatedModel(String id, SimulationSettings settings, Function<String, Scenario> scenarios) {
        this.id = id;
        this.settings = settings;
        this.scenarios = scenarios;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean simulated() {
        return true;
    }

    protected Scenario scenario(ChatRequest request) {
        Scenario s = scenarios.apply(request.metadata().getOrDefault("scenario_hash", ""));
        if (s == null) throw new IllegalStateException(id + ": no scenario for this request (metadata scenario_hash)");
        return s;
    }

    /** The trial key seeds every random decision, so the same trial always plays the same way. */
    protected static String trialKey(ChatRequest request, Scenario s) {
        return request.metadata().getOrDefault("trial_key", s.hash());
    }
}
