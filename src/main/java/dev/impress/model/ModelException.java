package dev.impress.model;

import java.time.Duration;
import java.util.List;

/** A model call that failed, after whatever retries its kind allows. */
public class ModelException extends RuntimeException {
    public enum Kind {
        /** Missing or rejected API key (401/403, or no key in the environment). */
        AUTH,
        /** The provider rejected the request (400, 404, 422): fix the request or the model name. */
        BAD_REQUEST,
        /** 429 after all retries. */
        RATE_LIMITED,
        /** 5xx, connection reset or refused, after all retries. */
        SERVER,
        /** No answer within the request timeout, after all retries. */
        TIMEOUT,
        /** An answer that is not the provider's documented format (HTML page, truncated JSON, no choices). */
        MALFORMED_RESPONSE,
        /** Not started: it would exceed the budget cap. */
        BUDGET_EXCEEDED,
        /** The model spec or options are wrong (unknown provider, missing base URL). */
        CONFIG
    }

    private final Kind kind;
    private final String model;
    private final List<String> retries;
    private final Duration retryAfter;

    public ModelException(Kind kind, String model, String message) {
        this(kind, model, message, null);
    }

    public ModelException(Kind kind, String model, String message, Throwable cause) {
        this(kind, model, message, cause, List.of(), null);
    }

    /**
     * @param retries the reason of each retry made before giving up (empty when none)
     * @param retryAfter how long the provider asked to wait (Retry-After), or null
     */
    public ModelException(Kind kind, String model, String message, Throwable cause, List<String> retries, Duration retryAfter) {
        super(model + ": " + message, cause);
        this.kind = kind;
        this.model = model;
        this.retries = retries == null ? List.of() : List.copyOf(retries);
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public String model() {
        return model;
    }

    /** The reason of each retry made before this failure, oldest first. */
    public List<String> retries() {
        return retries;
    }

    /** The wait the provider asked for with its last answer (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The same failure with the retries that preceded it. */
    public ModelException withRetries(List<String> previous) {
        var e = new ModelException(kind, model, detail(), getCause(), previous, retryAfter);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The message without the leading {@code model: }. */
    public String detail() {
        String m = getMessage();
        String prefix = model + ": ";
        return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Infrastructure failures a runner may retry later; the others will fail the same way again. */
    public boolean transientFailure() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.TIMEOUT || kind == Kind.MALFORMED_RESPONSE;
    }
}
