package dev.impress.cli;

import dev.impress.experiment.ModelResolver;
import dev.impress.model.Budget;
import dev.impress.model.ChatModel;
import dev.impress.model.Environment;
import dev.impress.model.InMemoryResponseCache;
import dev.impress.model.ModelException;
import dev.impress.model.ModelOptions;
import dev.impress.model.ModelRegistry;
import dev.impress.model.ModelSpec;
import dev.impress.model.PriceTable;
import dev.impress.model.ProviderLimiter;
import dev.impress.model.ResponseCache;
import dev.impress.scenario.Scenario;
import dev.impress.sim.SimulatedAgent;
import dev.impress.sim.SimulatedJudge;
import dev.impress.sim.SimulationSettings;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves the model specs a user types, through the model registry (OpenAI, Anthropic, Gemini,
 * OpenAI-compatible) plus the simulated models of the offline demo: {@code sim/judge} (any name
 * containing "judge"), {@code sim/agent}, and the agents {@code sim/cautious} (half the demo
 * propensity) and {@code sim/bold} (one and a half times). One instance per spec and one limiter
 * per provider, shared by every trial of the command.
 */
final class Models implements ModelResolver {
    private final Map<String, ChatModel> cache = new ConcurrentHashMap<>();
    private final Map<String, ProviderLimiter> limiters = new ConcurrentHashMap<>();
    private final ModelRegistry registry;
    private final ModelFlags flags;
    private final PriceTable prices;
    private final Budget budget;
    private final ResponseCache responses;

    Models(List<Scenario> scenarios, SimulationSettings sim, ModelFlags flags, ResponseCache responses) {
        this.flags = flags;
        this.prices = flags.priceTable();
        this.budget = flags.budget();
        this.responses = responses == null ? new InMemoryResponseCache() : responses;
        Function<String, Scenario> lookup = SimulatedAgent.lookup(scenarios);
        this.registry = ModelRegistry.standard(Environment.system())
                .register("sim", (spec, options, env) -> simulated(spec, sim, lookup));
    }

    private static ChatModel simulated(ModelSpec spec, SimulationSettings sim, Function<String, Scenario> lookup) {
        String name = spec.model();
        if (name.contains("judge")) return new SimulatedJudge(spec.id(), sim, lookup);
        double scale = name.contains("cautious") ? 0.5 : name.contains("bold") ? 1.5 : 1.0;
        return new SimulatedAgent(spec.id(), sim.scaled(scale).withSeed(sim.seed() ^ name.hashCode()), lookup);
    }

    Budget budget() {
        return budget;
    }

    PriceTable prices() {
        return prices;
    }

    /** Fails before any work when a key or base URL is missing, naming what to set. */
    void checkCredentials(Collection<String> specs) {
        for (String spec : specs) {
            ModelSpec parsed = parse(spec);
            try {
                registry.checkCredentials(spec, options(parsed.provider()));
            } catch (ModelException e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    @Override
    public ChatModel resolve(String spec) {
        return cache.computeIfAbsent(spec, s -> {
            ModelSpec parsed = parse(s);
            try {
                return registry.resolve(s, options(parsed.provider()));
            } catch (ModelException e) {
                throw new UserError(e.getMessage());
            }
        });
    }

    private ModelSpec parse(String spec) {
        try {
            ModelSpec parsed = ModelSpec.parse(spec);
            if (!registry.providers().contains(parsed.provider())) {
                throw new UserError("model '" + spec + "': unknown provider '" + parsed.provider() + "'; expected one of " + registry.providers());
            }
            return parsed;
        } catch (ModelException | IllegalArgumentException e) {
            throw new UserError("model '" + spec + "': expected provider/model, e.g. openai/gpt-4.1, anthropic/claude-sonnet-4-5, "
                    + "google/gemini-2.5-pro, openai-compatible/NAME, sim/agent (" + e.getMessage() + ")");
        }
    }

    private ModelOptions options(String provider) {
        ProviderLimiter limiter = limiters.computeIfAbsent(provider, p -> {
            var b = ProviderLimiter.builder(p).maxConcurrency(flags.providerConcurrency);
            if (flags.requestsPerMinute != null) b.requestsPerMinute(flags.requestsPerMinute);
            return b.build();
        });
        var b = ModelOptions.builder().limiter(limiter).cache(responses).cacheMode(flags.cacheMode()).prices(prices).budget(budget)
                .requestTimeout(flags.requestTimeout()).retry(flags.retryPolicy());
        if (flags.baseUrl != null && provider.equals("openai-compatible")) b.baseUrl(flags.baseUrl);
        return b.build();
    }
}
