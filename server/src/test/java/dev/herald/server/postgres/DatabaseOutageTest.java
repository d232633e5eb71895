package dev.herald.server.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.postgres.DatabaseProxy.Outage;
import dev.herald.server.postgres.OutageTraffic.Call;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.HeraldClient.Answer;
import dev.herald.server.support.LocalServerConfig;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import dev.herald.server.support.TestReceiver.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real server through a PostgreSQL outage (docs/API.md §3, §8.3), made by cutting a {@link DatabaseProxy} between
 * the server and the shared cluster for ten seconds while a tenant publishes steadily: every call answers 200 or 503
 * with {@code Retry-After} (never 500, never a hang), {@code /health} says DOWN and why, then UP again by itself; the
 * workers resume on their own, and every event answered 200 reaches each webhook exactly once. H2 embedded cannot go
 * away under a running server (it lives in the server's process), so there is no H2 counterpart.
 */
class DatabaseOutageTest {
    private static final String ADMIN_KEY = "outage-admin-key-0123456789";
    private static final Duration CUT = Duration.ofSeconds(10);
    /** Longer than the cut and the recovery, so a send answered during the cut is recorded, not sent again. */
    private static final String LEASE = "30s";
    /**
     * The longest a call may take while the database is away: PostgreSQL's socket timeout (10 s) bounds a statement
     * caught mid-way, the pool's 5 s wait every other call; the rest is margin for a loaded machine.
     */
    private static final Duration SLOWEST_ANSWER = Duration.ofSeconds(15);
    /** From the database's return to the workers' first delivery: at most one longest pause (5 s), plus margin. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(20);
    /** For everything to arrive, including a claim lost with the cut, which waits for its lease to end. */
    private static final Duration ALL_DELIVERED_WITHIN = Duration.ofSeconds(90);
    private static final List<String> WEBHOOK_PATHS = List.of("/first", "/second");

    private PostgresSchema schema;
    private DatabaseProxy proxy;
    private TestReceiver receiver;
    private final List<HeraldServer> nodes = new ArrayList<>();

    @BeforeEach
    void freshSchemaProxyAndReceiver() throws Exception {
        schema = PostgresSchema.create();
        proxy = DatabaseProxy.to(schema.jdbcUrl());
        receiver = new TestReceiver();
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (proxy != null) {
            proxy.restore(); // a node stops cleanly only with its database
        }
        nodes.forEach(HeraldServer::close);
        if (proxy != null) {
            proxy.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void oneNodeThroughARefusingDatabase() throws Exception {
        rideOut(1, Outage.REFUSED);
    }

    @Test
    void oneNodeThroughABlackHoledDatabase() throws Exception {
        rideOut(1, Outage.BLACK_HOLED);
    }

    @Test
    void twoNodesSharingTheDatabaseThroughABlackHoledOutage() throws Exception {
        rideOut(2, Outage.BLACK_HOLED);
    }

    private void rideOut(int nodeCount, Outage outage) throws Exception {
        List<HeraldClient> clients = startNodes(nodeCount);
        List<HeraldClient> health = nodes.stream()
                .map(node -> HeraldClient.at("http://localhost:" + node.port())).toList();

        try (OutageTraffic traffic = OutageTraffic.start(clients)) {
            Poll.until(Duration.ofSeconds(30), () -> published(traffic.calls()), n -> n >= 20 * nodeCount,
                    "events published before the cut");

            // Taken before the cut: a call failing while cut() closes the open connections failed because of it.
            long cutAt = System.nanoTime();
            proxy.cut(outage);
            List<Answer> downs = new ArrayList<>();
            for (HeraldClient node : health) {
                Answer down = Poll.until(SLOWEST_ANSWER.plus(CUT), () -> timed(() -> node.get("/health")),
                        answer -> answer.status() != 200, "/health to say DOWN");
                downs.add(down);
            }
            for (int node = 0; node < nodeCount; node++) {
                int n = node;
                Poll.until(SLOWEST_ANSWER.plus(CUT), () -> traffic.callsSince(n, cutAt),
                        calls -> calls.stream().anyMatch(c -> c.answer().status() == 503), "a 503 on node " + node);
            }
            Poll.until(CUT, () -> System.nanoTime() - cutAt, elapsed -> elapsed >= CUT.toNanos(), "the cut to last");

            proxy.restore();
            long restoredAt = System.nanoTime();
            for (HeraldClient node : health) {
                Poll.until(Duration.ofSeconds(30), () -> timed(() -> node.get("/health")),
                        answer -> answer.status() == 200, "/health to say UP again");
            }
            Duration healthyAfter = Duration.ofNanos(System.nanoTime() - restoredAt);
            for (int node = 0; node < nodeCount; node++) {
                int n = node;
                Poll.until(Duration.ofSeconds(30), () -> published(traffic.callsSince(n, restoredAt)),
                        published -> published >= 20, "node " + node + " to publish again");
            }
            Received firstAfter = Poll.until(RESUMED_WITHIN, () -> firstDeliveryOfAnEventPublishedSince(
                    traffic.calls(), restoredAt), first -> first != null, "the workers to deliver again");
            Duration resumedAfter = Duration.ofNanos(firstAfter.receivedAtNanos() - restoredAt);

            traffic.close();
            List<Call> calls = traffic.calls();
            assertAnswersDuringTheOutage(calls, cutAt);
            assertHealthDown(downs);
            Set<String> accepted = calls.stream().filter(Call::publishedEvent).map(Call::eventId)
                    .collect(Collectors.toSet());
            Map<String, Map<String, Long>> arrivals = Poll.until(ALL_DELIVERED_WITHIN, this::arrivalsByPath,
                    byPath -> WEBHOOK_PATHS.stream().allMatch(path -> byPath.getOrDefault(path, Map.of()).keySet()
                            .containsAll(accepted)), "every event answered 200 at every webhook");
            for (String path : WEBHOOK_PATHS) {
                Map<String, Long> counts = arrivals.get(path);
                List<String> twice = accepted.stream().filter(id -> counts.get(id) != 1).toList();
                assertEquals(List.of(), twice, "events delivered more than once to " + path);
            }
            assertEquals(0, receiver.duplicates(), "no delivery, of any event, arrives twice");

            Duration slowest = calls.stream().map(Call::took).max(Comparator.naturalOrder()).orElseThrow();
            long unavailable = calls.stream().filter(c -> c.answer().status() == 503).count();
            System.out.printf("%s outage, %d node(s): %d calls, %d answered 503 (slowest answer %d ms), %d events "
                            + "accepted and each delivered once per webhook; /health UP %d ms and deliveries resumed "
                            + "%d ms after the database came back%n", outage, nodeCount, calls.size(), unavailable,
                    slowest.toMillis(), accepted.size(), healthyAfter.toMillis(), resumedAfter.toMillis());
        }
    }

    private List<HeraldClient> startNodes(int count) {
        for (int i = 0; i < count; i++) {
            nodes.add(HeraldServer.start(LocalServerConfig.of("outage", ADMIN_KEY, Map.of(
                    "HERALD_DB_URL", proxy.proxied(schema.jdbcUrl()),
                    "HERALD_DELIVERY_LEASE", LEASE))));
        }
        HeraldClient tenant = HeraldClient.at("http://localhost:" + nodes.get(0).port())
                .newTenant(ADMIN_KEY, "outage");
        for (String path : WEBHOOK_PATHS) {
            tenant.createWebhook(receiver.url(path), List.of("PATIENT_CREATED"), null);
        }
        return nodes.stream().map(node -> tenant.on("http://localhost:" + node.port())).toList();
    }

    /** Every call answered 200 or 503, within the bound, and every 503 as docs/API.md §3 says. */
    private static void assertAnswersDuringTheOutage(List<Call> calls, long cutAt) {
        List<Call> unexpected = calls.stream()
                .filter(c -> c.answer().status() != 200 && c.answer().status() != 503).toList();
        assertEquals(List.of(), unexpected, "only 200 and 503 are answered, never a 500 or no answer");
        List<Call> slow = calls.stream().filter(c -> c.took().compareTo(SLOWEST_ANSWER) > 0).toList();
        assertEquals(List.of(), slow, "every call is answered within " + SLOWEST_ANSWER);
        List<Call> unavailable = calls.stream().filter(c -> c.answer().status() == 503).toList();
        assertFalse(unavailable.isEmpty(), "the outage was answered 503");
        for (Call call : unavailable) {
            assertTrue(call.startedNanos() + call.took().toNanos() >= cutAt, "no 503 before the cut: " + call);
            assertEquals("2", call.answer().header("Retry-After"), "Retry-After on " + call);
            assertEquals("Herald's database is unavailable or overloaded; retry later",
                    call.answer().json().path("detail").asText(), "the detail of " + call);
        }
    }

    private static void assertHealthDown(List<Answer> downs) {
        for (Answer down : downs) {
            assertEquals(503, down.status(), down.body());
            JsonNode body = down.json();
            assertEquals("DOWN", body.path("status").asText(), down.body());
            String reason = body.path("database").asText();
            assertTrue(reason.startsWith("unreachable: ") || reason.startsWith("unavailable: "), down.body());
            assertFalse(reason.contains("127.0.0.1") || reason.contains("herald"), "no host or user shown: " + reason);
            assertNotNull(down.header("Retry-After"));
        }
    }

    private static int published(List<Call> calls) {
        return (int) calls.stream().filter(Call::publishedEvent).count();
    }

    /** A /health call, failing the test if it takes longer than any call may. */
    private static Answer timed(Supplier<Answer> call) {
        long started = System.nanoTime();
        Answer answer = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(SLOWEST_ANSWER) <= 0, "/health answered in " + took.toMillis() + " ms");
        return answer;
    }

    private Received firstDeliveryOfAnEventPublishedSince(List<Call> calls, long sinceNanos) {
        Set<String> since = calls.stream().filter(c -> c.startedNanos() >= sinceNanos && c.publishedEvent())
                .map(Call::eventId).collect(Collectors.toSet());
        return receiver.requests().stream().filter(r -> since.contains(alertId(r))).findFirst().orElse(null);
    }

    /** For each webhook path, how many times each event arrived there (answered 200 by the receiver). */
    private Map<String, Map<String, Long>> arrivalsByPath() {
        return receiver.requests().stream().collect(Collectors.groupingBy(Received::path,
                Collectors.groupingBy(DatabaseOutageTest::alertId, Collectors.counting())));
    }

    private static String alertId(Received request) {
        try {
            return HeraldClient.JSON.readTree(request.body()).path("alertId").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }
}
