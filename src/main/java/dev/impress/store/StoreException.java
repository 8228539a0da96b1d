package dev.impress.store;

/** A store that cannot be opened, migrated, read or written. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
