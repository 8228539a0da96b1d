package dev.impress.model;

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

    public ModelException(Kind kind, String model, String message) {
        this(kind, model, message, null);
    }

    public ModelException(Kind kind, String model, String message, Throwable cause) {
        super(model + ": " + message, cause);
        this.kind = kind;
        this.model = model;
    }

    public Kind kind() {
        return kind;
    }

    public String model() {
        return model;
    }

    /** Infrastructure failures a runner may retry later; the others will fail the same way again. */
    public boolean transientFailure() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.TIMEOUT || kind == Kind.MALFORMED_RESPONSE;
    }
}
