package dev.herald.server.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The settings of a child-JVM server for these tests: its own H2 file under target/, http and loopback allowed. */
final class ChildServerSetup {
    static final String ADMIN_KEY = "child-admin-key-0123456789";

    private ChildServerSetup() {
    }

    /** A directory of its own under {@code target/} for one test's database and logs. */
    static Path workDirectory(String testName) {
        return Path.of("target", testName + "-" + UUID.randomUUID()).toAbsolutePath();
    }

    /** The HERALD_* variables of a server on the H2 file in {@code directory}, plus {@code extra}. */
    static Map<String, String> environment(Path directory, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "HERALD_DB_URL", "jdbc:h2:file:" + directory.resolve("herald"),
                "HERALD_ADMIN_KEY", ADMIN_KEY,
                "HERALD_ALLOW_HTTP", "true",
                "HERALD_ALLOW_PRIVATE_NETWORKS", "true"));
        environment.putAll(extra);
        return environment;
    }
}
