package dev.herald.server.postgres;

import static dev.herald.server.postgres.ChildNodeStop.publishThrough;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.config.DispatcherSettings;
import dev.herald.application.config.HeraldSettings;
import dev.herald.server.support.TestReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several Herald nodes on one PostgreSQL queue: they share the work without sending anything twice; when one dies
 * holding leased work the others deliver it once its lease ends (at least once, never lost); when one is stopped
 * cleanly it hands its work back at once. Each test runs in a schema of its own.
 */
class MultiNodePostgresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration SHORT_LEASE = Duration.ofSeconds(2);
    private static final int IN_PROCESS_MAX_IN_FLIGHT = 16;
    /** Two in-process nodes next to the child: small batches, short lease, frequent polls. */
    private static final DispatcherSettings BESIDE_THE_CHILD = new DispatcherSettings(8, IN_PROCESS_MAX_IN_FLIGHT,
            Duration.ofMillis(50), SHORT_LEASE, HeraldSettings.defaults().dispatcher().endpoints());
    private static final Path REPORT = Path.of("target", "multinode-report.txt");

    private PostgresSchema schema;
    private HeraldTables tables;
    private TestReceiver receiver;

    @BeforeEach
    void freshSchemaAndReceiver() throws Exception {
        schema = PostgresSchema.create();
        tables = new HeraldTables(schema);
        receiver = new TestReceiver();
    }

    @AfterEach
    void dropSchema() {
        if (receiver != null) {
            receiver.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void threeNodesShareTheQueueAndDeliverEachDeliveryExactlyOnce() throws Exception {
        // Small batches, so the nodes' claims interleave instead of one node taking everything.
        DispatcherSettings interleaving = new DispatcherSettings(5, 20, Duration.ofMillis(50),
                HeraldSettings.DEFAULT_DELIVERY_LEASE, HeraldSettings.defaults().dispatcher().endpoints());
        try (InProcessNode one = InProcessNode.on(schema, interleaving);
             InProcessNode two = InProcessNode.on(schema, interleaving);
             InProcessNode three = InProcessNode.on(schema, interleaving)) {
            List<InProcessNode> nodes = List.of(one, two, three);
            SubscribedTenants tenants = SubscribedTenants.create(one.herald(), receiver, 3, 3);
            nodes.forEach(InProcessNode::startDelivering);

            int expected = publishThrough(nodes, tenants, 2_000).awaitDone(DEADLINE) * tenants.webhooksPerTenant();
            awaitAllDelivered(expected);

            assertEquals(0, receiver.duplicates(), "no delivery may arrive twice while every node stays up");
            assertEquals(expected, tables.attempts(), "one attempt per delivery");
            List<Integer> shares = nodes.stream().map(InProcessNode::delivered).toList();
            System.out.println("three live nodes delivered " + expected + " deliveries, shared " + shares);
            assertTrue(shares.stream().allMatch(share -> share > 0), "every node took part: " + shares);
            assertEquals(expected, shares.stream().mapToInt(Integer::intValue).sum());
            assertQueueEmptiedWithHistoryKept(expected);
        }
    }

    @Test
    void aNodeKilledWhileHoldingLeasedWorkLosesNothing() throws Exception {
        long started = System.nanoTime();
        receiver.delay(Duration.ofMillis(10)); // slow enough that every node always has sends in flight
        try (InProcessNode one = InProcessNode.on(schema, BESIDE_THE_CHILD);
             InProcessNode two = InProcessNode.on(schema, BESIDE_THE_CHILD)) {
            List<InProcessNode> inProcess = List.of(one, two);
            SubscribedTenants tenants = SubscribedTenants.create(one.herald(), receiver, 3, 2);
            // A backlog before any node delivers, so the child claims full batches from its first poll.
            int backlog = publishThrough(inProcess, tenants, 600).awaitDone(DEADLINE);

            ChildNodeStop.Outcome killed = new ChildNodeStop(schema, receiver, inProcess)
                    .run(tenants, SHORT_LEASE, ChildNodeStop.Stop.kill(), Path.of("target", "multinode-killed-child.log"));
            int published = backlog + killed.publishedMeanwhile();
            int expected = published * tenants.webhooksPerTenant();
            awaitAllDelivered(expected);

            Set<String> orphans = killed.orphans(tables);
            Set<String> duplicated = receiver.countsByDeliveryId().entrySet().stream()
                    .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
            writeReport(published, killed, expected, orphans.size(), duplicated.size(), inProcess,
                    Duration.ofNanos(System.nanoTime() - started));

            assertFalse(orphans.isEmpty(), "the child held leased deliveries when it was killed");
            assertTrue(orphans.stream().allMatch(id -> receiver.countsByDeliveryId().containsKey(id)),
                    "every delivery the dead node held was delivered by another node");
            assertTrue(orphans.containsAll(duplicated),
                    "only deliveries the dead node held can arrive twice: " + duplicated);
            assertQueueEmptiedWithHistoryKept(expected);
        }
    }

    @Test
    void aNodeStoppedWithSigtermHandsItsWorkBackAtOnce() throws Exception {
        receiver.delay(Duration.ofMillis(10));
        Duration longChildLease = Duration.ofSeconds(60);
        // The in-process nodes' leases are long too: a loaded machine must not make their own sends repeat.
        DispatcherSettings longLeases = BESIDE_THE_CHILD.withLease(longChildLease);
        try (InProcessNode one = InProcessNode.on(schema, longLeases);
             InProcessNode two = InProcessNode.on(schema, longLeases)) {
            List<InProcessNode> inProcess = List.of(one, two);
            SubscribedTenants tenants = SubscribedTenants.create(one.herald(), receiver, 3, 2);
            int backlog = publishThrough(inProcess, tenants, 600).awaitDone(DEADLINE);

            ChildNodeStop.Outcome stopped = new ChildNodeStop(schema, receiver, inProcess)
                    .run(tenants, longChildLease, ChildNodeStop.Stop.terminate(Duration.ofSeconds(30)),
                            Path.of("target", "multinode-terminated-child.log"));
            int expected = (backlog + stopped.publishedMeanwhile()) * tenants.webhooksPerTenant();
            awaitAllDelivered(expected);

            Duration took = stopped.sinceStop();
            System.out.println("after SIGTERM, everything was delivered within " + took.toMillis() + " ms");
            assertTrue(took.compareTo(longChildLease) < 0, "nothing waited for the stopped node's lease to end");
            assertEquals(0, receiver.duplicates(), "a clean stop sends nothing twice");
            assertQueueEmptiedWithHistoryKept(expected);
        }
    }

    /** Every delivery arrived at least once and is recorded DELIVERED. */
    private void awaitAllDelivered(int expected) {
        TestReceiver.await(DEADLINE, () -> receiver.distinctDeliveries() >= expected,
                expected + " deliveries to arrive");
        TestReceiver.await(DEADLINE, () -> tables.deliveriesIn("DELIVERED") >= expected,
                expected + " deliveries to be recorded DELIVERED");
        assertEquals(expected, receiver.distinctDeliveries(), "deliveries that arrived");
        assertEquals(expected, tables.deliveries(), "deliveries stored");
    }

    /** Finished deliveries leave the polled table; their record and attempts stay. */
    private void assertQueueEmptiedWithHistoryKept(int expected) {
        assertEquals(0, tables.queued(), "rows left in delivery_queue");
        assertEquals(expected, tables.deliveriesIn("DELIVERED"), "DELIVERED deliveries");
        assertTrue(tables.attempts() >= expected, "an attempt recorded for every delivery");
    }

    private void writeReport(int events, ChildNodeStop.Outcome killed, int deliveries, int orphans, int duplicates,
                             List<InProcessNode> inProcess, Duration took) throws Exception {
        int byInProcess = inProcess.stream().mapToInt(InProcessNode::delivered).sum();
        String report = String.join("\n",
                "Several nodes on PostgreSQL: two in-process nodes and a child JVM killed with SIGKILL mid-stream",
                "events published:             " + events + " (" + killed.publishedThroughChild()
                        + " through the killed node's HTTP API)",
                "deliveries:                   " + deliveries,
                "arrived at least once:        " + receiver.distinctDeliveries() + " (lost: "
                        + (deliveries - receiver.distinctDeliveries()) + ")",
                "requests received:            " + receiver.requests().size(),
                "leased rows right after kill: " + killed.leasesAfterStop().size() + ", of them the killed node's: "
                        + orphans + " (taken over after the " + SHORT_LEASE.toSeconds() + " s lease)",
                "duplicates:                   " + duplicates + " (all among the killed node's leased deliveries)",
                "sent by the in-process nodes: " + inProcess.stream().map(n -> String.valueOf(n.delivered()))
                        .collect(Collectors.joining(" + ")) + "; by the killed node: "
                        + (receiver.requests().size() - byInProcess),
                "all delivered after the kill: " + killed.sinceStop().toMillis() + " ms; whole test "
                        + took.toMillis() + " ms",
                "");
        System.out.print(report);
        Files.writeString(REPORT, report);
    }
}
