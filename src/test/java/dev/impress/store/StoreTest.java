package dev.impress.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    static final List<String> TABLES = List.of("scenarios", "runs", "trials", "run_trials", "events", "verdicts", "labels", "model_calls", "response_cache");

    @Test
    void sqliteStoreIsCreatedOnFirstUseWithAllTables(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/dir/impress.db");
        try (Store store = Store.open(file.toString())) {
            assertThat(file).exists();
            assertThat(tables(store)).containsAll(TABLES);
        }
        // reopening applies nothing twice
        try (Store store = Store.open(file.toString())) {
            assertThat(tables(store)).containsAll(TABLES);
        }
    }

    @Test
    void theSameMigrationsRunOnPostgresql() throws Exception {
        String url = TestDatabases.postgresUrl();
        assumeTrue(url != null, "IMPRESS_TEST_POSTGRES_URL not set (CI sets it)");
        try (Store store = Store.open(url)) {
            assertThat(store.location().engine()).isEqualTo(StoreLocation.Engine.POSTGRESQL);
            assertThat(tables(store)).containsAll(TABLES);
        }
    }

    @Test
    void theFastOpeningPathKnowsTheNewestMigration() throws Exception {
        // Store.open skips Flyway for a store whose history ends at LATEST_MIGRATION: a new
        // migration file must move it, or stores would open without the new migration applied.
        String newest;
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9.]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).max(java.util.Comparator.comparing(java.math.BigDecimal::new)).orElseThrow();
        }
        assertThat(Store.LATEST_MIGRATION).isEqualTo(newest);
    }

    @Test
    void aStoreWithAFailedMigrationGoesThroughFlyway(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("impress.db");
        try (Store store = Store.open(file.toString()); Connection c = store.connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = 0");
        }
        assertThatThrownBy(() -> Store.open(file.toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot prepare the store");
    }

    @Test
    void locationsAreParsedWithoutLeakingPasswords() {
        StoreLocation pg = StoreLocation.parse("postgresql://alice:s3cret@db.example:5433/impress");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/impress");
        assertThat(pg.properties().getProperty("user")).isEqualTo("alice");
        assertThat(pg.toString()).doesNotContain("s3cret");
        assertThat(StoreLocation.parse("jdbc:postgresql://h/db?password=x").toString()).doesNotContain("password=x");
        assertThat(StoreLocation.parse("runs/x.db").engine()).isEqualTo(StoreLocation.Engine.SQLITE);
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://h/db")).hasMessageContaining("--db: unsupported database URL");
    }

    @Test
    void anUnreachableDatabaseIsAClearError() {
        assertThatThrownBy(() -> Store.open("postgresql://nobody@127.0.0.1:1/none"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot prepare the store at jdbc:postgresql://127.0.0.1:1/none");
    }

    static List<String> tables(Store store) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = store.connect(); ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }
}
