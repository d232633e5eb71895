package dev.herald.adapter.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A migrated database for the tests, made once per JVM and emptied before each test. PostgreSQL gets a schema of
 * its own per run, dropped when the JVM exits, so runs never see each other's rows.
 */
final class TestDatabase {
    static final String PG_URL_VARIABLE = "HERALD_TEST_PG_URL";
    private static final List<String> TABLES_CHILDREN_FIRST = List.of(
            "attempts", "delivery_queue", "deliveries", "events", "lane_wakeups", "endpoint_lanes", "webhook_subscriptions", "webhooks",
            "tenants", "notice_throttle",
            "notice_tenants", "notice_sends");

    private static TestDatabase h2InMemory;
    private static TestDatabase h2InMemoryEncrypted;
    private static TestDatabase h2File;
    private static TestDatabase postgres;

    private final JdbiPersistence persistence;
    private final String jdbcUrl;

    private TestDatabase(String jdbcUrl) {
        this(jdbcUrl, Optional.empty());
    }

    private TestDatabase(String jdbcUrl, Optional<SecretKeys> keys) {
        this.jdbcUrl = jdbcUrl;
        this.persistence = JdbiPersistence.connect(jdbcUrl, "", "", keys, pool -> { });
        Runtime.getRuntime().addShutdownHook(new Thread(persistence::close));
    }

    static synchronized TestDatabase h2InMemory() {
        if (h2InMemory == null) {
            h2InMemory = new TestDatabase("jdbc:h2:mem:herald-contract");
        }
        return h2InMemory;
    }

    /** In memory, with webhook signing secrets encrypted at rest (docs/API.md §8.7). */
    static synchronized TestDatabase h2InMemoryEncrypted() {
        if (h2InMemoryEncrypted == null) {
            h2InMemoryEncrypted = new TestDatabase("jdbc:h2:mem:herald-contract-encrypted",
                    Optional.of(SecretKeys.of("k1:" + SecretKeys.generate())));
        }
        return h2InMemoryEncrypted;
    }

    static synchronized TestDatabase h2File() {
        if (h2File == null) {
            Path dir = Path.of("target", "h2-file-tests");
            deleteRecursively(dir);
            h2File = new TestDatabase("jdbc:h2:file:./" + dir.resolve("herald").toString().replace('\\', '/'));
        }
        return h2File;
    }

    /** Skips the calling test when {@value #PG_URL_VARIABLE} is not set. */
    static synchronized TestDatabase postgres() {
        String url = System.getenv(PG_URL_VARIABLE);
        Assumptions.assumeTrue(url != null && !url.isBlank(), PG_URL_VARIABLE + " not set: PostgreSQL tests skipped");
        if (postgres == null) {
            String schema = "herald_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(url, "CREATE SCHEMA " + schema);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(url, "DROP SCHEMA " + schema + " CASCADE")));
            postgres = new TestDatabase(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        }
        return postgres;
    }

    /** The persistence, with every table emptied. */
    JdbiPersistence empty() {
        persistence.jdbi().useHandle(h -> TABLES_CHILDREN_FIRST.forEach(t -> h.execute("DELETE FROM " + t)));
        return persistence;
    }

    JdbiPersistence persistence() {
        return persistence;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
