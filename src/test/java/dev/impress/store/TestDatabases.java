package dev.impress.store;

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
}
