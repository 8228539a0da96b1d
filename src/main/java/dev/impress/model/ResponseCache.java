package dev.impress.model;

import java.util.Optional;

/**
 * Answers keyed by the hash of the full normalised request ({@link RequestKey}). Implementations
 * are thread-safe; a second {@code put} for the same key keeps the first answer.
 */
public interface ResponseCache {
    Optional<ChatResponse> get(String requestHash);

    void put(String requestHash, String model, ChatResponse response);

    /** Waits until answers put so far are stored (a cache that writes in the background). */
    default void flush() {}
}
