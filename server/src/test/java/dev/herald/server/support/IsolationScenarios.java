package dev.herald.server.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One tenant's dead, slow or busy endpoint never delays another tenant's deliveries (docs/API.md §6.8), on a real
 * server over HTTP; the database is the subclass's. The bounds are generous: each scenario held the quiet tenant's
 * events for 6 to 70 seconds before endpoints took fair turns.
 */
public abstract class IsolationScenarios {
    protected static final String ADMIN_KEY = "isolation-admin-key-0123456789";
    private static final Duration QUIET_BOUND = Duration.ofSeconds(3);

    /** The server's HERALD_* variables for a fresh database in (or named after) {@code directory}. */
    protected abstract Map<String, String> environment(Path directory);

    protected abstract String database();

    private ChildServer start(String scenario) throws Exception {
        Path directory = Path.of("target", "isolation-" + scenario + "-" + UUID.randomUUID()).toAbsolutePath();
        return ChildServer.start(environment(directory), Path.of(directory + ".log"));
    }

    @Test
    void aHungEndpointWithAThousandEventsNeitherDelaysTheQuietTenantNorHoldsMoreThanItsShare() throws Exception {
        try (NoisyNeighbour.HungEndpoint hung = new NoisyNeighbour.HungEndpoint();
             ChildServer server = start("hung")) {
            NoisyNeighbour.Latencies quiet = NoisyNeighbour.run(database() + ", hung endpoint, 1,000 events",
                    server.baseUrl(), ADMIN_KEY, hung.url(), 1, 1_000).reported();

            assertTrue(quiet.p99().compareTo(QUIET_BOUND) < 0, "quiet p99 " + quiet.p99());
            assertTrue(hung.connections() <= 32 + 2, "the hung endpoint holds at most its concurrency of sends, was "
                    + hung.connections());
            JsonNode health = Poll.until(Duration.ofMinutes(1),
                    () -> quiet.noisy().get("/v1/webhook/list").json().get(0).get("health"),
                    h -> h.get("circuit").asText().equals("open"), "the hung endpoint's circuit to open");
            assertTrue(health.get("consecutiveFailures").asInt() >= 10, health.toString());
            assertTrue(health.get("lastError").asText().contains("timed out"), health.toString());
        }
    }

    @Test
    void aSlowEndpointWithAThousandEventsDoesNotDelayTheQuietTenant() throws Exception {
        try (TestReceiver slow = new TestReceiver(200); ChildServer server = start("slow")) {
            slow.delay(Duration.ofSeconds(2));
            NoisyNeighbour.Latencies quiet = NoisyNeighbour.run(database() + ", 2 s endpoint, 1,000 events",
                    server.baseUrl(), ADMIN_KEY, slow.url("/slow"), 1, 1_000).reported();

            assertTrue(quiet.p99().compareTo(QUIET_BOUND) < 0, "quiet p99 " + quiet.p99());
        }
    }

    @Test
    void aBacklogOfTwentyThousandDeliveriesDoesNotDelayTheQuietTenant() throws Exception {
        try (TestReceiver busy = new TestReceiver(); ChildServer server = start("backlog")) {
            NoisyNeighbour.Latencies quiet = NoisyNeighbour.run(database() + ", 20,000-delivery backlog",
                    server.baseUrl(), ADMIN_KEY, busy.url("/busy"), 100, 200).reported();

            assertTrue(quiet.p99().compareTo(QUIET_BOUND) < 0, "quiet p99 " + quiet.p99());
        }
    }
}
