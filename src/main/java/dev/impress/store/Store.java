package dev.impress.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The IMPRESS store: runs, trials, transcript events, verdicts, labels, model calls and the
 * response cache, in SQLite (a file, created on first use) or PostgreSQL. The schema is managed
 * by Flyway migrations under {@code db/migration}, the same files for both engines.
 */
public final class Store implements AutoCloseable {
    private final StoreLocation location;

    private Store(StoreLocation location) {
        this.location = location;
    }

    /** Opens the store, creating it and applying pending migrations. */
    public static Store open(StoreLocation location) {
        if (location.engine() == StoreLocation.Engine.SQLITE) createParentDirectory(location);
        try {
            var config = Flyway.configure()
                    .locations("classpath:db/migration")
                    .dataSource(location.jdbcUrl(), location.properties().getProperty("user"),
                            location.properties().getProperty("password"));
            config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the store at " + location + ": " + e.getMessage(), e);
        }
        return new Store(location);
    }

    public static Store open(String spec) {
        return open(StoreLocation.parse(spec));
    }

    public StoreLocation location() {
        return location;
    }

    /**
     * A new connection. SQLite connections use WAL (readers do not block the writer), enforce
     * foreign keys and wait for a busy database instead of failing.
     */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(location.jdbcUrl(), location.properties());
        if (location.engine() == StoreLocation.Engine.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=30000");
                s.execute("PRAGMA synchronous=NORMAL");
            }
        }
        return c;
    }

    private static void createParentDirectory(StoreLocation location) {
        Path file = Path.of(location.jdbcUrl().substring("jdbc:sqlite:".length()));
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory of the store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // connections are per use; nothing held
    }
}
