package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The databases a run measures: what Herald's data takes on disk, and a clean PostgreSQL to start from. */
final class BenchDatabases {
    /** Herald's tables, for their size on disk. */
    private static final List<String> TABLES = List.of("delivery_queue", "attempts", "deliveries", "events",
            "webhook_subscriptions", "webhooks", "lane_wakeups", "endpoint_lanes", "tenants", "notice_throttle",
            "notice_tenants", "notice_sends", "portal_sessions");

    private BenchDatabases() {
    }

    /** A fresh H2 file in the run's directory {@code name}, with HERALD_BENCH_H2_OPTIONS appended to its URL. */
    static String h2Url(Path work, String name) {
        return "jdbc:h2:file:" + work.resolve(name).resolve("herald")
                + BenchSettings.setting("HERALD_BENCH_H2_OPTIONS", "");
    }

    /** What Herald's data takes on disk: the H2 file, or the PostgreSQL tables with their indexes and TOAST. */
    static long diskBytes(String dbUrl) throws Exception {
        if (dbUrl.startsWith("jdbc:h2:file:")) {
            return Files.size(Path.of(dbUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db"));
        }
        try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                     + " WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())"
                     + " AND c.relname IN ('" + String.join("', '", TABLES) + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Deletes a run's H2 directory {@code dir} with everything in it, if it is there. */
    static void deleteFiles(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * A clean database: every table of the schema dropped (Herald's, whichever migrations made them, and its migration
     * history), so Flyway creates them anew.
     */
    static void freshPostgres(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rows = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS \"" + table + "\" CASCADE");
            }
        }
    }
}
