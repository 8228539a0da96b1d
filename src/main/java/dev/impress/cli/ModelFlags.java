package dev.impress.cli;

import dev.impress.model.Budget;
import dev.impress.model.CacheMode;
import dev.impress.model.PriceTable;
import dev.impress.model.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How models are reached: base URL, prices, budget, cache, provider limits, timeouts. */
final class ModelFlags {
    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL of an openai-compatible/... server (or IMPRESS_OPENAI_COMPATIBLE_BASE_URL).")
    String baseUrl;

    @Option(names = "--prices", paramLabel = "FILE", description = "Your price table (YAML), on top of the shipped one.")
    Path prices;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Budget cap: no model call starts that would exceed it.")
    Double maxCost;

    @Option(names = "--cache", defaultValue = "auto", description = "Response cache: auto (temperature 0 only), always or off (default ${DEFAULT-VALUE}).")
    String cache;

    @Option(names = "--provider-concurrency", defaultValue = "32", description = "Calls in flight per provider, adaptive on 429s (default ${DEFAULT-VALUE}).")
    int providerConcurrency;

    @Option(names = "--rpm", paramLabel = "N", description = "Requests per minute per provider (default: unlimited).")
    Double requestsPerMinute;

    @Option(names = "--max-retries", defaultValue = "6", paramLabel = "N",
            description = "Retries of one model call after 429, 5xx, timeouts or malformed answers (default ${DEFAULT-VALUE}).")
    int maxRetries = 6;

    @Option(names = "--retry-base-ms", defaultValue = "1000", paramLabel = "MS",
            description = "First retry wait without Retry-After; doubles per retry, up to 60 s, with jitter (default ${DEFAULT-VALUE}).")
    long retryBaseMillis = 1000;

    @Option(names = "--request-timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    CacheMode cacheMode() {
        try {
            return CacheMode.valueOf(cache.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--cache: expected auto, always or off, found '" + cache + "'");
        }
    }

    PriceTable priceTable() {
        if (prices == null) return PriceTable.defaults();
        if (!java.nio.file.Files.isRegularFile(prices)) throw new UserError("--prices: no such file " + prices);
        return PriceTable.load(prices);
    }

    Budget budget() {
        if (maxCost == null) return Budget.unlimited();
        if (maxCost <= 0) throw new UserError("--max-cost: expected a positive amount in USD, found " + maxCost);
        return Budget.ofUsd(maxCost);
    }

    RetryPolicy retryPolicy() {
        if (maxRetries < 0) throw new UserError("--max-retries: expected 0 or more, found " + maxRetries);
        if (retryBaseMillis < 0) throw new UserError("--retry-base-ms: expected 0 or more, found " + retryBaseMillis);
        return RetryPolicy.DEFAULT.withMaxRetries(maxRetries).withBaseDelay(Duration.ofMillis(retryBaseMillis));
    }

    Duration requestTimeout() {
        if (requestTimeoutSeconds < 1) throw new UserError("--request-timeout: expected 1 or more seconds, found " + requestTimeoutSeconds);
        return Duration.ofSeconds(requestTimeoutSeconds);
    }
}
