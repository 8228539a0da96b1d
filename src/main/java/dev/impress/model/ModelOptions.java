package dev.impress.model;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Everything about a model besides its name. Build with {@link #builder()}; every field has a
 * default, so {@code ModelOptions.defaults()} works for a hosted provider whose key is in the
 * environment. Objects meant to be shared (limiter, cache, budget, prices, HTTP client) are
 * created once by the caller and passed to every model that should share them.
 *
 * @param baseUrl the provider's base URL, overriding the environment and the provider default
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for one attempt, from sending the request to the full answer
 * @param retry retries and backoff
 * @param limiter the provider's shared concurrency / rate limits, or null for none
 * @param cache where answers are cached, or null for no cache
 * @param cacheMode which requests use the cache
 * @param prices USD per million tokens
 * @param budget the shared spending cap and per-role ledger ({@link Budget#unlimited()} by default)
 * @param defaultMaxTokens max output tokens when the request does not say (Anthropic requires a value;
 *                         also used to estimate the cost of a call before it starts)
 * @param thinkingBudgetTokens extended thinking / reasoning budget: Anthropic {@code thinking.budget_tokens},
 *                             Gemini {@code thinkingConfig.thinkingBudget}; null = the provider's default
 * @param reasoningEffort OpenAI {@code reasoning_effort} (low, medium, high) for reasoning models; null = default
 * @param includeThoughts ask Gemini for thought summaries ({@code thinkingConfig.includeThoughts})
 * @param httpClient the JDK HTTP client to use, or null for one made from {@code connectTimeout}
 */
public record ModelOptions(String baseUrl, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                           ProviderLimiter limiter, ResponseCache cache, CacheMode cacheMode, PriceTable prices,
                           Budget budget, int defaultMaxTokens, Integer thinkingBudgetTokens, String reasoningEffort,
                           boolean includeThoughts, HttpClient httpClient) {
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public ModelOptions {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofMinutes(5) : requestTimeout;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        cacheMode = cacheMode == null ? CacheMode.AUTO : cacheMode;
        prices = prices == null ? PriceTable.defaults() : prices;
        budget = budget == null ? Budget.unlimited() : budget;
        if (defaultMaxTokens <= 0) defaultMaxTokens = DEFAULT_MAX_TOKENS;
    }

    public static ModelOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.retry = retry;
        b.limiter = limiter;
        b.cache = cache;
        b.cacheMode = cacheMode;
        b.prices = prices;
        b.budget = budget;
        b.defaultMaxTokens = defaultMaxTokens;
        b.thinkingBudgetTokens = thinkingBudgetTokens;
        b.reasoningEffort = reasoningEffort;
        b.includeThoughts = includeThoughts;
        b.httpClient = httpClient;
        return b;
    }

    public static final class Builder {
        private String baseUrl;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private RetryPolicy retry;
        private ProviderLimiter limiter;
        private ResponseCache cache;
        private CacheMode cacheMode;
        private PriceTable prices;
        private Budget budget;
        private int defaultMaxTokens = DEFAULT_MAX_TOKENS;
        private Integer thinkingBudgetTokens;
        private String reasoningEffort;
        private boolean includeThoughts = true;
        private HttpClient httpClient;

        private Builder() {}

        public Builder baseUrl(String v) { baseUrl = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder retry(RetryPolicy v) { retry = v; return this; }
        public Builder maxRetries(int n) { retry = (retry == null ? RetryPolicy.DEFAULT : retry).withMaxRetries(n); return this; }
        public Builder limiter(ProviderLimiter v) { limiter = v; return this; }
        public Builder cache(ResponseCache v) { cache = v; return this; }
        public Builder cacheMode(CacheMode v) { cacheMode = v; return this; }
        public Builder prices(PriceTable v) { prices = v; return this; }
        public Builder budget(Budget v) { budget = v; return this; }
        public Builder defaultMaxTokens(int v) { defaultMaxTokens = v; return this; }
        public Builder thinkingBudgetTokens(Integer v) { thinkingBudgetTokens = v; return this; }
        public Builder reasoningEffort(String v) { reasoningEffort = v; return this; }
        public Builder includeThoughts(boolean v) { includeThoughts = v; return this; }
        public Builder httpClient(HttpClient v) { httpClient = v; return this; }

        public ModelOptions build() {
            return new ModelOptions(baseUrl, connectTimeout, requestTimeout, retry, limiter, cache, cacheMode, prices,
                    budget, defaultMaxTokens, thinkingBudgetTokens, reasoningEffort, includeThoughts, httpClient);
        }
    }
}
