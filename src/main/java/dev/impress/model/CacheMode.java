package dev.impress.model;

/** When answers are taken from and put into the response cache. */
public enum CacheMode {
    /** Only requests with temperature 0, whose answer is meant to be the same every time (default). */
    AUTO,
    /** Every request: a repeated identical request gets the first answer (opt-in for temperature above 0). */
    ALWAYS,
    /** Never. */
    OFF;

    public boolean applies(Decoding decoding) {
        return switch (this) {
            case ALWAYS -> true;
            case OFF -> false;
            case AUTO -> decoding.temperature() != null && decoding.temperature() == 0.0;
        };
    }
}
