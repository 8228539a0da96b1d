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
    /**
     * SQLite allows one writer at a time and makes the others wait in its busy handler, which
     * sleeps in steps of up to 100 ms: under many concurrent writers of one process that sleep,
     * not the work, set the pace. Writers of this process therefore queue here instead (a fair
     * lock hands over at once); SQLite's own lock still guards against other processes.
     */
    private final java.util.concurrent.locks.ReentrantLock sqliteWriters = new java.util.concurrent.locks.ReentrantLock(true);

    private Store(StoreLocation location) {
        this.location = location;
    }

    /** Opens the store, creating it and applying pending migrations. */
    public static Store open(StoreLocation location) {
        if (location.engine() == StoreLocation.Engine.SQLITE) {
            createParentDirectory(location);
            useWriteAheadLog(location);
        }
        if (upToDate(location)) return new Store(location);
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

    /**
     * The newest migration under {@code db/migration} (a test keeps this in step with the files).
     * A store whose history already ends there successfully is opened without starting Flyway,
     * which costs most of a second of every command's start-up (it scans the class path).
     */
    static final String LATEST_MIGRATION = "1";

    private static boolean upToDate(StoreLocation location) {
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.properties());
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            boolean latest = false;
            while (rs.next()) {
                if (!rs.getBoolean(2)) return false;          // a failed migration: let Flyway report it
                String version = rs.getString(1);
                if (version.equals(LATEST_MIGRATION)) latest = true;
                else if (newer(version)) return false;        // a store of a newer IMPRESS: let Flyway refuse it
            }
            return latest;
        } catch (SQLException e) {
            return false; // no history table yet (a new store), or unreachable: Flyway says which
        }
    }

    private static boolean newer(String version) {
        try {
            return new java.math.BigDecimal(version).compareTo(new java.math.BigDecimal(LATEST_MIGRATION)) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public static Store open(String spec) {
        return open(StoreLocation.parse(spec));
    }

    /** Runs a write of this process; on SQLite one at a time, on PostgreSQL concurrently. */
    public <T> T writing(java.util.concurrent.Callable<T> write) throws Exception {
        if (location.engine() != StoreLocation.Engine.SQLITE) return write.call();
        sqliteWriters.lock();
        try {
            return write.call();
        } finally {
            sqliteWriters.unlock();
        }
    }

    public StoreLocation location() {
        return location;
    }

    /** A new connection; SQLite connections enforce foreign keys and wait for a busy database. */
    public Connection connect() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.putAll(location.properties());
        if (location.engine() == StoreLocation.Engine.SQLITE) {
            // Applied by the driver as the connection opens, busy_timeout first: every statement,
            // pragmas included, then waits for a busy database instead of failing.
            props.setProperty("busy_timeout", "60000");
            props.setProperty("foreign_keys", "true");
            props.setProperty("synchronous", "NORMAL");
            // Write transactions take the write lock when they begin: a read that later upgrades to a
            // write would fail at once (SQLITE_BUSY) instead of waiting when another writer committed.
            props.setProperty("transaction_mode", "IMMEDIATE");
        }
        return DriverManager.getConnection(location.jdbcUrl(), props);
    }

    /** WAL lets readers work while the single writer writes; it is a property of the file, set once. */
    private static void useWriteAheadLog(StoreLocation location) {
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.properties()); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=60000");
            s.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + location + ": " + e.getMessage(), e);
        }
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
