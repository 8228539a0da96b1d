package dev.impress.model;

import dev.impress.json.Json;
import dev.impress.store.Store;
import dev.impress.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The response cache in the store's {@code response_cache} table (SQLite or PostgreSQL), so
 * answers survive restarts and are shared by every worker on the same store. The answer is the
 * {@link ChatResponse} as JSON (text, reasoning, tool calls, usage and the raw bodies, which never
 * contain a key). Inserts use {@code ON CONFLICT DO NOTHING}: the first answer wins.
 */
public final class JdbcResponseCache implements ResponseCache {
    private final Store store;
    /**
     * JDBC runs on these platform threads, never on the caller's virtual thread: a SQLite call
     * that waits for the write lock waits in native code, which pins the virtual thread's carrier;
     * with a few carriers pinned, every other virtual thread (including the one the writer waits
     * for) stops. One thread for SQLite (one writer anyway), a few for PostgreSQL.
     */
    private final java.util.concurrent.ExecutorService io;

    public JdbcResponseCache(Store store) {
        this.store = store;
        int threads = store.location().engine() == dev.impress.store.StoreLocation.Engine.SQLITE ? 1 : 4;
        this.io = java.util.concurrent.Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon(true).name("impress-cache-io-", 0).factory());
    }

    private <T> T onIo(java.util.concurrent.Callable<T> work) {
        try {
            return io.submit(work).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new StoreException("response cache: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while using the response cache", e);
        }
    }

    @Override
    public Optional<ChatResponse> get(String requestHash) {
        return onIo(() -> read(requestHash));
    }

    private Optional<ChatResponse> read(String requestHash) {
        try (Connection c = store.connect();
             PreparedStatement s = c.prepareStatement("SELECT response FROM response_cache WHERE request_hash = ?")) {
            s.setString(1, requestHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(Json.MAPPER.readValue(r.getString(1), ChatResponse.class));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the response cache in " + store.location() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // An entry this version cannot read is treated as absent; the new answer will not replace it.
            return Optional.empty();
        }
    }

    @Override
    public void put(String requestHash, String model, ChatResponse response) {
        onIo(() -> {
            write(requestHash, model, response);
            return null;
        });
    }

    private void write(String requestHash, String model, ChatResponse response) {
        String sql = "INSERT INTO response_cache (request_hash, model, response, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (request_hash) DO NOTHING";
        try (Connection c = store.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, requestHash);
            s.setString(2, model);
            s.setString(3, Json.write(response));
            s.setString(4, Instant.now().toString());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the response cache in " + store.location() + ": " + e.getMessage(), e);
        }
    }
}
