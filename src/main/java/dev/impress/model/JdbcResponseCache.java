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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache in the store's {@code response_cache} table (SQLite or PostgreSQL), so
 * answers survive restarts and are shared by every worker on the same store. The answer is the
 * {@link ChatResponse} as JSON (text, reasoning, tool calls, usage and the raw bodies, which never
 * contain a key). Inserts use {@code ON CONFLICT DO NOTHING}: the first answer wins.
 */
public final class JdbcResponseCache implements ResponseCache {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcResponseCache.class);
    private static final int READERS = 4;
    private final Store store;
    /**
     * JDBC runs on these platform threads, never on the caller's virtual thread: a SQLite call
     * that waits for the write lock waits in native code, which pins the virtual thread's carrier;
     * with a few carriers pinned, every other virtual thread (including the one the writer waits
     * for) stops. Each thread keeps its own connection (opening one costs more than a lookup).
     * Lookups run on several threads (WAL readers do not block each other); inserts on one,
     * without the caller waiting: a lost cache entry costs a repeated call, nothing more.
     */
    private final ExecutorService readers;
    private final ExecutorService writer;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    public JdbcResponseCache(Store store) {
        this.store = store;
        this.readers = Executors.newFixedThreadPool(READERS, Thread.ofPlatform().daemon(true).name("impress-cache-read-", 0).factory());
        this.writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon(true).name("impress-cache-write").factory());
    }

    @Override
    public Optional<ChatResponse> get(String requestHash) {
        try {
            return readers.submit(() -> read(requestHash)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new StoreException("response cache: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while using the response cache", e);
        }
    }

    @Override
    public void put(String requestHash, String model, ChatResponse response) {
        String json = Json.write(response);
        writer.execute(() -> {
            try {
                store.writing(() -> {
                    write(requestHash, model, json);
                    return null;
                });
            } catch (Exception e) {
                LOG.warn("could not store a response in the cache ({}); the call will be made again next time", e.getMessage());
            }
        });
    }

    private Connection connection() throws SQLException {
        Connection c = connection.get();
        if (c == null || c.isClosed()) {
            c = store.connect();
            connection.set(c);
        }
        return c;
    }

    private Optional<ChatResponse> read(String requestHash) {
        try (PreparedStatement s = connection().prepareStatement("SELECT response FROM response_cache WHERE request_hash = ?")) {
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

    private void write(String requestHash, String model, String responseJson) throws SQLException {
        String sql = "INSERT INTO response_cache (request_hash, model, response, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (request_hash) DO NOTHING";
        try (PreparedStatement s = connection().prepareStatement(sql)) {
            s.setString(1, requestHash);
            s.setString(2, model);
            s.setString(3, responseJson);
            s.setString(4, Instant.now().toString());
            s.executeUpdate();
        }
    }

    /** Waits until the inserts queued so far are written (tests, and before a process ends). */
    @Override
    public void flush() {
        try {
            writer.submit(() -> { }).get();
        } catch (ExecutionException | InterruptedException e) {
            throw new StoreException("response cache: " + e, e);
        }
    }
}
