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
