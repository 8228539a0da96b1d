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

    public JdbcResponseCache(Store store) {
        this.store = store;
    }

    @Override
    public Optional<ChatResponse> get(String requestHash) {
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
