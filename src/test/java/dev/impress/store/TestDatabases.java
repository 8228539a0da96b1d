package dev.impress.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * PostgreSQL for tests: .ci/run starts a server on loopback and sets IMPRESS_TEST_POSTGRES_URL.
 * Under CI the variable is required, so a missing database fails the build instead of
 * silently skipping the PostgreSQL tests.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static String postgresUrl() {
        String url = System.getenv("IMPRESS_TEST_POSTGRES_URL");
        if ((url == null || url.isBlank()) && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but IMPRESS_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL");
        }
        return url == null || url.isBlank() ? null : url;
    }

    /**
     * A new, empty schema in the test database, as a store URL ({@code ?currentSchema=...}), for
     * tests that need a store of their own: trial keys are content hashes, so the same plan in a
     * shared schema would find its trials done by an earlier test. Drop it with {@link #dropSchema}.
     */
    public static String freshPostgresSchema(String url) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE SCHEMA " + schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** What a test does with a store. */
    public interface StoreCheck {
        void check(Store store) throws Exception;
    }

    /**
     * Runs the check on a store in a new, empty PostgreSQL schema, dropped afterwards; skipped
     * (as an assumption) without a test database outside CI.
     */
    public static void onFreshPostgres(StoreCheck check) throws Exception {
        String url = postgresUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "IMPRESS_TEST_POSTGRES_URL not set (CI sets it)");
        String schema = freshPostgresSchema(url);
        try (Store store = Store.open(schema)) {
            check.check(store);
        } finally {
            dropSchema(schema);
        }
    }

    public static void dropSchema(String schemaUrl) {
        String schema = schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + "currentSchema=".length());
        String base = schemaUrl.substring(0, schemaUrl.indexOf("currentSchema=") - 1);
        execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        StoreLocation location = StoreLocation.parse(url);
        try (Connection c = java.sql.DriverManager.getConnection(location.jdbcUrl(), location.properties()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + location + ": " + e.getMessage(), e);
        }
    }
}
