package dev.impress.model;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A response cache that lives as long as the process (tests, one-off runs). */
public final class InMemoryResponseCache implements ResponseCache {
    private final ConcurrentHashMap<String, ChatResponse> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<ChatResponse> get(String requestHash) {
        return Optional.ofNullable(entries.get(requestHash));
    }

    @Override
    public void put(String requestHash, String model, ChatResponse response) {
        entries.putIfAbsent(requestHash, response);
    }

    public int size() {
        return entries.size();
    }
}
