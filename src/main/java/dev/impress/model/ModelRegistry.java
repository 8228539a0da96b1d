package dev.impress.model;

import dev.impress.model.anthropic.AnthropicChatModel;
import dev.impress.model.gemini.GeminiChatModel;
import dev.impress.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a model name ({@code provider/model}) and {@link ModelOptions} into a ready
 * {@link ChatModel}. Built-in providers: {@code openai}, {@code anthropic}, {@code google},
 * {@code openai-compatible}; callers add more with {@link #register} (e.g. {@code sim}).
 *
 * <p>Every resolved model is the same pipeline, each concern in one class:
 * <pre>
 *   CachingChatModel   response cache (outside the budget: a cached answer costs nothing)
 *    -> MeteredChatModel  budget reservation, cost from the price table, per-role ledger
 *      -> adapter          wire format (OpenAiChatModel / AnthropicChatModel / GeminiChatModel)
 *        -> ProviderHttp   per attempt: limiter slot, HTTP, classification; retries with backoff
 * </pre>
 * The limiter sits inside the retry loop so that a call waiting out its backoff does not hold a
 * concurrency slot and every 429 reaches the adaptive limit.
 *
 * <p>Keys and base URLs come only from the {@link Environment} given here (and base URLs also
 * from the options); nothing is global, so tests pass a map.
 */
public final class ModelRegistry {
    private final Environment env;
    private final Map<String, ProviderFactory> factories = new ConcurrentHashMap<>();
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    private ModelRegistry(Environment env) {
        this.env = env;
    }

    /** A registry with the built-in providers. */
    public static ModelRegistry standard(Environment env) {
        ModelRegistry r = new ModelRegistry(env);
        r.register("openai", OpenAiChatModel.factory(OpenAiChatModel.Flavor.OPENAI));
        r.register("openai-compatible", OpenAiChatModel.factory(OpenAiChatModel.Flavor.COMPATIBLE));
        r.register("anthropic", AnthropicChatModel.factory());
        r.register("google", GeminiChatModel.factory());
        return r;
    }

    /** A registry with no providers, for callers that register their own. */
    public static ModelRegistry empty(Environment env) {
        return new ModelRegistry(env);
    }

    /** Adds or replaces the factory of a provider prefix (lower case, e.g. {@code sim}). */
    public ModelRegistry register(String provider, ProviderFactory factory) {
        factories.put(provider.toLowerCase(java.util.Locale.ROOT), factory);
        return this;
    }

    public Set<String> providers() {
        return new TreeSet<>(factories.keySet());
    }

    public Environment environment() {
        return env;
    }

    public ChatModel resolve(String spec) {
        return resolve(spec, ModelOptions.defaults());
    }

    /** The model for {@code spec}, wrapped in the pipeline; fails with {@code CONFIG}/{@code AUTH} before any call. */
    public ChatModel resolve(String spec, ModelOptions options) {
        ModelSpec s = ModelSpec.parse(spec);
        ProviderFactory factory = factory(s);
        factory.checkCredentials(s, options, env);
        ModelOptions withClient = options.httpClient() != null ? options
                : options.toBuilder().httpClient(client(options.connectTimeout())).build();
        ChatModel raw = factory.create(s, withClient, env);
        ChatModel model = new MeteredChatModel(raw, options.prices(), options.budget(), options.defaultMaxTokens());
        if (options.cache() != null && options.cacheMode() != CacheMode.OFF) {
            String extra = factory.cacheScope(s, options, env);
            model = new CachingChatModel(model, options.cache(), options.cacheMode(),
                    extra.isEmpty() ? s.id() : s.id() + "@" + extra, options.budget());
        }
        return model;
    }

    /**
     * Checks, without any network call, that every model can be built: known provider, key and
     * base URL present. Fails with one exception listing every problem (the first one's kind),
     * so a user fixes them all at once before a run starts.
     */
    public void checkCredentials(Collection<String> specs, ModelOptions options) {
        List<ModelException> problems = new ArrayList<>();
        for (String spec : specs) {
            try {
                checkCredentials(spec, options);
            } catch (ModelException e) {
                problems.add(e);
            }
        }
        if (problems.size() == 1) throw problems.getFirst();
        if (!problems.isEmpty()) {
            StringBuilder m = new StringBuilder(problems.size() + " models cannot be used:");
            for (ModelException e : problems) m.append("\n  ").append(e.getMessage());
            throw new ModelException(problems.getFirst().kind(), String.join(", ", specs), m.toString());
        }
    }

    public void checkCredentials(String spec, ModelOptions options) {
        ModelSpec s = ModelSpec.parse(spec);
        factory(s).checkCredentials(s, options, env);
    }

    private ProviderFactory factory(ModelSpec s) {
        ProviderFactory f = factories.get(s.provider());
        if (f == null) {
            throw new ModelException(ModelException.Kind.CONFIG, s.id(), "unknown provider '" + s.provider()
                    + "': use one of " + String.join(", ", providers()) + " (as provider/model)");
        }
        return f;
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, t -> HttpClient.newBuilder().connectTimeout(t).build());
    }
}
