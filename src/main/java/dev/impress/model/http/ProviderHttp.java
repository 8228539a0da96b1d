package dev.impress.model.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.model.ChatResponse;
import dev.impress.model.ModelException;
import dev.impress.model.ModelException.Kind;
import dev.impress.model.ProviderLimiter;
import dev.impress.model.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where model calls go over HTTP: each attempt takes a slot from the provider's
 * {@link ProviderLimiter}, posts the JSON body, classifies the answer and, for transient
 * failures, waits and tries again as the {@link RetryPolicy} says. Adapters only build the body
 * and read the answer ({@link ResponseReader}).
 *
 * <p>Classification: 2xx with the documented JSON is an answer; 429 is {@code RATE_LIMITED};
 * 408, 5xx (incl. Anthropic's 529 "overloaded"), resets and refused connections are
 * {@code SERVER}; no answer in time is {@code TIMEOUT}; a 2xx that is not the documented JSON
 * (HTML, truncated, no choices) is {@code MALFORMED_RESPONSE}: these are retried. 401/403 are
 * {@code AUTH}, other 4xx {@code BAD_REQUEST}: these fail at once with the provider's message.
 *
 * <p>Headers are never logged or stored (they carry the key); bodies and messages pass through
 * {@link Secrets#redact} before they leave.
 */
public final class ProviderHttp {
    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    /** Reads a 2xx JSON answer; throws {@code MALFORMED_RESPONSE} when its shape is not the documented one. */
    @FunctionalInterface
    public interface ResponseReader {
        Parsed read(JsonNode root);
    }

    /** Refines the classification of an error status (e.g. Gemini reports a bad key as 400). */
    @FunctionalInterface
    public interface ErrorRefiner {
        Kind refine(int status, String body, Kind defaultKind);
    }

    private final String modelId;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final ProviderLimiter limiter;
    private final Secrets secrets;
    private final Clock clock;

    public ProviderHttp(String modelId, HttpClient client, Duration requestTimeout, RetryPolicy retry,
                        ProviderLimiter limiter, Secrets secrets) {
        this.modelId = modelId;
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.limiter = limiter;
        this.secrets = secrets;
        this.clock = Clock.systemUTC();
    }

    /** Transport for one model from its options; a client is made from the connect timeout when none is given. */
    public ProviderHttp(String modelId, dev.impress.model.ModelOptions options, Secrets secrets) {
        this(modelId, options.httpClient() != null ? options.httpClient()
                        : HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build(),
                options.requestTimeout(), options.retry(), options.limiter(), secrets);
    }

    public ChatResponse post(URI uri, Map<String, String> headers, String body, long estimatedTokens,
                             List<String> warnings, ResponseReader reader, ErrorRefiner refiner) {
        long start = System.nanoTime();
        List<String> retries = new ArrayList<>();
        while (true) {
            try {
                Exchange ex = attempt(uri, headers, body, estimatedTokens, reader, refiner);
                long millis = (System.nanoTime() - start) / 1_000_000;
                Parsed p = ex.parsed;
                return new ChatResponse(p.text(), p.reasoning(), p.toolCalls(), p.usage(), p.finishReason(),
                        p.model() == null ? modelId : p.model(), secrets.redact(body), secrets.redact(ex.rawResponse),
                        retries, warnings, false, millis, 0);
            } catch (ModelException e) {
                boolean retryable = retryable(e.kind()) && !Thread.currentThread().isInterrupted();
                if (!retryable || retries.size() >= retry.maxRetries()) {
                    if (retryable) log.warn("{}: giving up after {} retries: {}", modelId, retries.size(), e.detail());
                    throw e.withRetries(retries);
                }
                Duration wait = retry.delay(retries.size() + 1, e.retryAfter());
                if (e.retryAfter() != null && limiter != null) limiter.pauseFor(wait);
                String reason = e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.detail()
                        + " (retry " + (retries.size() + 1) + " after " + wait.toMillis() + " ms"
                        + (e.retryAfter() != null ? ", as Retry-After asked" : "") + ")";
                retries.add(reason);
                log.warn("{}: {}", modelId, reason);
                try {
                    retry.sleeper().sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ModelException(e.kind(), modelId, "interrupted while waiting to retry: " + e.detail(), ie, retries, null);
                }
            }
        }
    }

    private static boolean retryable(Kind kind) {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.TIMEOUT || kind == Kind.MALFORMED_RESPONSE;
    }

    private record Exchange(Parsed parsed, String rawResponse) {}

    private Exchange attempt(URI uri, Map<String, String> headers, String body, long estimatedTokens,
                             ResponseReader reader, ErrorRefiner refiner) {
        ProviderLimiter.Permit permit = null;
        if (limiter != null) {
            try {
                permit = limiter.acquire(estimatedTokens);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new ModelException(Kind.SERVER, modelId, "interrupted while waiting for the rate limiter", ie);
            }
        }
        ProviderLimiter.Outcome outcome = ProviderLimiter.Outcome.FAILED;
        long tokens = -1;
        try {
            HttpResponse<String> response = send(uri, headers, body);
            String raw = response.body() == null ? "" : response.body();
            int status = response.statusCode();
            log.debug("{}: HTTP {} from {} ({} bytes)", modelId, status, uri, raw.length());
            if (status < 200 || status > 299) {
                if (status == 429) outcome = ProviderLimiter.Outcome.RATE_LIMITED;
                throw statusFailure(status, raw, response.headers(), refiner);
            }
            Parsed parsed = reader.read(parseJson(raw, response.headers()));
            outcome = ProviderLimiter.Outcome.OK;
            tokens = parsed.usage().inputTokens() + parsed.usage().outputTokens();
            return new Exchange(parsed, raw);
        } finally {
            if (permit != null) permit.release(outcome, tokens);
        }
    }

    private HttpResponse<String> send(URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        // Plain-http local servers (vLLM, Ollama, llama.cpp) get HTTP/1.1: some mishandle the h2c upgrade.
        if ("http".equalsIgnoreCase(uri.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
        headers.forEach(b::header);
        log.debug("{}: POST {}", modelId, uri);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw fail(Kind.TIMEOUT, "could not connect to " + hostOf(uri) + " in time", e);
        } catch (HttpTimeoutException e) {
            throw fail(Kind.TIMEOUT, "no answer from " + hostOf(uri) + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw fail(Kind.SERVER, "cannot connect to " + hostOf(uri) + " (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw fail(Kind.SERVER, "connection to " + hostOf(uri) + " failed (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(Kind.SERVER, "interrupted while waiting for " + hostOf(uri), e);
        }
    }

    private ModelException statusFailure(int status, String raw, HttpHeaders headers, ErrorRefiner refiner) {
        Kind kind;
        if (status == 429) kind = Kind.RATE_LIMITED;
        else if (status == 408) kind = Kind.TIMEOUT;
        else if (status >= 500) kind = Kind.SERVER;
        else if (status == 401 || status == 403) kind = Kind.AUTH;
        else kind = Kind.BAD_REQUEST;
        if (refiner != null) kind = refiner.refine(status, raw, kind);
        Duration retryAfter = RetryAfter.from(headers, clock);
        String message = "HTTP " + status + ": " + secrets.redact(ErrorBodies.message(raw));
        return new ModelException(kind, modelId, message, null, List.of(), retryAfter);
    }

    private JsonNode parseJson(String raw, HttpHeaders headers) {
        if (raw.isBlank()) throw malformed("an empty body instead of JSON", null);
        if (ErrorBodies.looksLikeHtml(raw)) throw malformed(ErrorBodies.message(raw) + " instead of JSON", null);
        try {
            JsonNode root = Json.MAPPER.readTree(raw);
            if (root == null || !root.isObject()) throw malformed("a JSON " + (root == null ? "nothing" : root.getNodeType()) + " instead of an object", null);
            return root;
        } catch (JsonProcessingException e) {
            String type = headers.firstValue("content-type").orElse("no content type");
            throw malformed("a body that is not valid JSON (" + type + ", " + raw.length() + " chars; truncated?): "
                    + e.getOriginalMessage(), e);
        }
    }

    private ModelException malformed(String what, Throwable cause) {
        return new ModelException(Kind.MALFORMED_RESPONSE, modelId, "the provider sent " + secrets.redact(what), cause);
    }

    private ModelException fail(Kind kind, String message, Throwable cause) {
        return new ModelException(kind, modelId, secrets.redact(message), cause);
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** A {@code MALFORMED_RESPONSE} for readers: the answer lacks what the wire format documents. */
    public static ModelException shape(String modelId, String what) {
        return new ModelException(Kind.MALFORMED_RESPONSE, modelId, "the provider's answer " + what);
    }
}
