package dev.herald.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.server.support.ChildServer;
import dev.herald.server.support.EventPublisher;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Nothing accepted is lost": the server is SIGKILLed while events are being published and delivered; a new server
 * on the same database delivers every event that was ever answered 200, at least once.
 */
class CrashRecoveryTest {
    private static final int EVENTS = 3000;
    private static final int PUBLISHING_THREADS = 4;
    /** Kill a third of the way through: publishing is still going, sends are in flight. */
    private static final int KILL_AT_ACCEPTED = EVENTS / 3;
    /**
     * The default 60 s lease: the restarted server must not wait for the dead one's leases (it rebuilds its queue on
     * start). Retries come fast, and often enough that none ends FAILED.
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "HERALD_RETRY_SCHEDULE", "200ms,500ms,1s,1s,1s,1s");
    /** The receiver: 4 requests at a time, 25 ms each, about 160/s — slower than publishing, so a backlog builds. */
    private static final int RECEIVER_CONCURRENCY = 4;
    private static final Duration RECEIVER_DELAY = Duration.ofMillis(25);

    @Test
    void everyAcceptedEventIsDeliveredAfterTheServerIsKilledMidStream() throws Exception {
        Path directory = ChildServerSetup.workDirectory("crash-recovery");
        Map<String, String> environment = ChildServerSetup.environment(directory, SETTINGS);
        // A slow receiver: at the kill, a backlog is queued, sends are in flight (claimed, leased, perhaps answered
        // but not recorded) and publishes are half done.
        try (TestReceiver receiver = new TestReceiver(RECEIVER_CONCURRENCY)) {
            receiver.delay(RECEIVER_DELAY);

            Set<String> accepted;
            int deliveredBeforeKill;
            HeraldClient tenant;
            String webhookId;
            try (ChildServer doomed = ChildServer.start(environment, directory.resolve("killed.log"))) {
                tenant = HeraldClient.at(doomed.baseUrl()).newTenant(ChildServerSetup.ADMIN_KEY, "acme");
                webhookId = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null)
                        .get("id").asText();
                long publishing = System.nanoTime();
                EventPublisher publisher = EventPublisher.start(tenant, "PATIENT_CREATED", EVENTS, PUBLISHING_THREADS);
                TestReceiver.await(Duration.ofSeconds(60),
                        () -> receiver.distinctDeliveries() > 0 && publisher.acceptedCount() >= KILL_AT_ACCEPTED,
                        "publishing and delivering to be under way");
                doomed.kill();
                deliveredBeforeKill = receiver.acceptedEventIds().size();
                long publishedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishing);
                publisher.awaitStopped(Duration.ofSeconds(30));
                accepted = publisher.accepted();
                System.out.printf("SIGKILL after %d ms of publishing: %d events accepted, %d delivered%n",
                        publishedMillis, accepted.size(), deliveredBeforeKill);
            }
            assertTrue(accepted.size() < EVENTS, "the kill came after publishing ended");
            assertTrue(deliveredBeforeKill < accepted.size(), "the kill came after the receiver had caught up");

            long restarted = System.nanoTime();
            Set<String> lost;
            try (ChildServer successor = ChildServer.start(environment, directory.resolve("successor.log"))) {
                // Well under the 60 s lease: the dead server's claims are not waited for.
                lost = Poll.latest(Duration.ofSeconds(30), () -> missing(accepted, receiver.acceptedEventIds()),
                        Set::isEmpty);
                if (lost.isEmpty()) {
                    // All recorded as delivered: no re-send is still under way, so the duplicate count is final.
                    Poll.until(Duration.ofSeconds(30), () -> undelivered(tenant.on(successor.baseUrl()), webhookId),
                            none -> none == 0, "no delivery left undelivered");
                }
            }
            long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
            writeReport(accepted.size(), deliveredBeforeKill, lost.size(), receiver.duplicates(), recoveryMillis);
            assertEquals(Set.of(), lost, "accepted events never delivered (database in " + directory + ")");
        }
    }

    private static Set<String> missing(Set<String> expected, Set<String> arrived) {
        return expected.stream().filter(id -> !arrived.contains(id)).collect(Collectors.toSet());
    }

    private static int undelivered(HeraldClient tenant, String webhookId) {
        return tenant.get("/v1/webhook/" + webhookId + "/delivery-attempts/list"
                + HeraldClient.query("is_delivered", false, "limit", 1000)).expect(200).size();
    }

    private static void writeReport(int accepted, int deliveredBeforeKill, int lost, int duplicates,
                                    long recoveryMillis) throws IOException {
        String report = String.format("crash recovery: %d events accepted, %d delivered before SIGKILL, "
                        + "%d lost, %d duplicate deliveries, all delivered %d ms after the restart began%n",
                accepted, deliveredBeforeKill, lost, duplicates, recoveryMillis);
        System.out.print(report);
        Files.writeString(Path.of("target", "crash-report.txt"), report);
    }
}
