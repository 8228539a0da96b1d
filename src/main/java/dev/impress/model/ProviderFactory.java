package dev.impress.model;

/**
 * Makes the raw model of one provider (the part that speaks its wire format). The registry
 * wraps what it returns in the shared pipeline (cache, budget), so a factory only builds the
 * adapter. Register extra providers with {@link ModelRegistry#register}.
 */
public interface ProviderFactory {
    ChatModel create(ModelSpec spec, ModelOptions options, Environment env);

    /**
     * Fails with {@code AUTH} (missing key) or {@code CONFIG} (missing base URL) naming the
     * environment variable to set, without any network call. The default needs nothing.
     */
    default void checkCredentials(ModelSpec spec, ModelOptions options, Environment env) {}

    /**
     * What, besides the id, tells two models of this provider apart in the response cache
     * (the base URL of a self-hosted server). Empty by default.
     */
    default String cacheScope(ModelSpec spec, ModelOptions options, Environment env) {
        return "";
    }
}
