package dev.herald.server.postgres;

import dev.herald.application.port.in.ForAdministeringTenants.TenantCredentials;
import dev.herald.server.support.ChildServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.TestReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A third node in a child JVM (the real server) stopped mid-stream: it starts on the test's schema next to the
 * in-process nodes, all three take events (the child through its HTTP API) and deliver, and once the child certainly
 * holds leased work it is stopped — SIGKILL or SIGTERM — while publishing through the others goes on. To be certain,
 * the receiver holds the child's sends (those no in-process node started) unanswered once the child has delivered
 * some: they are claimed, leased and in flight when the stop comes, and then answered 503 (not received).
 */
final class ChildNodeStop {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** The child must have delivered this many before its sends are held, and hold this many when it is stopped. */
    private static final int DELIVERED_BY_CHILD = 50;
    private static final int HELD_FROM_CHILD = 20;

    /**
     * How the child is stopped, and when its held sends are let go: after a SIGKILL (they die with it), or before a
     * SIGTERM (so its graceful stop can finish them).
     */
    interface Stop {
        void apply(ChildServer child, Runnable releaseHeldSends) throws Exception;

        static Stop kill() {
            return (child, release) -> {
                child.kill();
                release.run();
            };
        }

        static Stop terminate(Duration timeout) {
            return (child, release) -> {
                release.run();
                child.terminate(timeout);
            };
        }
    }

    /**
     * What the stop left: the events the child accepted, all events published while it ran, the leases in the
     * queue right after it was gone, and when that was.
     */
    record Outcome(int publishedThroughChild, int publishedMeanwhile, Map<String, Instant> leasesAfterStop,
                   long stoppedAtNanos) {
        /**
         * The leased deliveries the stopped child left behind: those attempted again only once their lease had
         * ended (a live node attempts what it claims within milliseconds, long before its lease ends).
         */
        Set<String> orphans(HeraldTables tables) {
            Map<String, Instant> attempted = tables.lastAttemptDates(leasesAfterStop.keySet());
            return leasesAfterStop.entrySet().stream()
                    .filter(lease -> !attempted.get(lease.getKey())
                            .isBefore(lease.getValue().truncatedTo(ChronoUnit.MILLIS)))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        Duration sinceStop() {
            return Duration.ofNanos(System.nanoTime() - stoppedAtNanos);
        }
    }

    private final PostgresSchema schema;
    private final HeraldTables tables;
    private final TestReceiver receiver;
    private final List<InProcessNode> inProcess;

    ChildNodeStop(PostgresSchema schema, TestReceiver receiver, List<InProcessNode> inProcess) {
        this.schema = schema;
        this.tables = new HeraldTables(schema);
        this.receiver = receiver;
        this.inProcess = inProcess;
    }

    /** Runs the child with this lease, stops it as {@code stop} says; its output goes to {@code log}. */
    Outcome run(SubscribedTenants tenants, Duration childLease, Stop stop, Path log) throws Exception {
        try (ChildServer child = ChildServer.start(Map.of(
                "HERALD_DB_URL", schema.jdbcUrl(),
                "HERALD_DELIVERY_LEASE", childLease.toMillis() + "ms",
                "HERALD_ALLOW_HTTP", "true",
                "HERALD_ALLOW_PRIVATE_NETWORKS", "true"), log)) {
            CountDownLatch stopped = new CountDownLatch(1);
            AtomicInteger held = new AtomicInteger();
            receiver.reply(request -> holdChildsSend(request, stopped, held));
            inProcess.forEach(InProcessNode::startDelivering);
            HeraldClient childApi = HeraldClient.at(child.baseUrl());
            ParallelPublishing throughChild = ParallelPublishing.start(2_000, List.of(n -> {
                TenantCredentials tenant = tenants.forEvent(n);
                childApi.asTenant(tenant.tenant().value(), tenant.apiKey().value())
                        .publish(SubscribedTenants.EVENT_TYPE, tenants.event(n).dataJson());
            }));
            ParallelPublishing throughOthers = publishThrough(inProcess, tenants, 1_600);

            TestReceiver.await(DEADLINE, () -> throughChild.published() >= 100 && held.get() >= HELD_FROM_CHILD,
                    "the child to take events, deliver some and hold more in flight");
            throughChild.stop(); // every event the child accepted is answered before it stops
            int publishedThroughChild = throughChild.awaitDone(DEADLINE);
            stop.apply(child, () -> {
                stopped.countDown();
                receiver.reply(request -> TestReceiver.Reply.status(200));
            });
            long stoppedAt = System.nanoTime();
            Map<String, Instant> leases = tables.leaseEnds();
            return new Outcome(publishedThroughChild, publishedThroughChild + throughOthers.awaitDone(DEADLINE),
                    leases, stoppedAt);
        }
    }

    static ParallelPublishing publishThrough(List<InProcessNode> nodes, SubscribedTenants tenants, int events) {
        return ParallelPublishing.start(events, nodes.stream()
                .<ParallelPublishing.Publisher>map(node -> n -> node.publish(tenants, n)).toList());
    }

    /** Holds a send of the child's, once it has delivered some, until it is released; then answers 503. */
    private TestReceiver.Reply holdChildsSend(TestReceiver.Received request, CountDownLatch stopped,
                                              AtomicInteger held) {
        if (InProcessNode.anyStarted(inProcess, request.header("webhook-id"))
                || deliveredByChild() < DELIVERED_BY_CHILD) {
            return TestReceiver.Reply.status(200);
        }
        held.incrementAndGet();
        try {
            stopped.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TestReceiver.Reply.status(503);
    }

    private long deliveredByChild() {
        return receiver.countsByDeliveryId().keySet().stream()
                .filter(id -> !InProcessNode.anyStarted(inProcess, id)).count();
    }
}
