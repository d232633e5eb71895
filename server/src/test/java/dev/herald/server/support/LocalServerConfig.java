package dev.herald.server.support;

import dev.herald.server.HeraldConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The configuration of a test server: a fresh in-memory H2 database, a free port, the admin API on with
 * {@code adminKey}, and plain HTTP to loopback receivers allowed; each map of {@code settings} adds to or overrides
 * what comes before it.
 */
public final class LocalServerConfig {
    private LocalServerConfig() {
    }

    @SafeVarargs
    public static HeraldConfig of(String databaseName, String adminKey, Map<String, String>... settings) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "HERALD_PORT", "0",
                "HERALD_DB_URL", "jdbc:h2:mem:" + databaseName + "-" + UUID.randomUUID(),
                "HERALD_ADMIN_KEY", adminKey,
                "HERALD_ALLOW_HTTP", "true",
                "HERALD_ALLOW_PRIVATE_NETWORKS", "true"));
        for (Map<String, String> layer : settings) {
            environment.putAll(layer);
        }
        return HeraldConfig.from(environment, name -> null);
    }
}
