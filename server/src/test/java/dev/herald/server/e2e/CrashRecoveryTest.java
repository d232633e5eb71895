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
    private static final int PUBLISHING_THREADS = 4;
    /**
     * The default 60 s lease: the restarted server must not wait for the dead one's leases (it rebuilds its queue on
     * start). Retries come fast, and often enough that none ends FAILED.
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "HERALD_RETRY_SCHEDULE", "200ms,500ms,1s,1s,1s,1s");
    /**
     * Past H2's retention time (45 s) the file reuses the space of chunks no longer in use, and a restart must still
     * find the newest commit; a short run never gets there.
     */
    private static final Duration PAST_RETENTION = Duration.ofSeconds(50);

    /** What runs before the kill: how much is published, to how slow a receiver, and when the kill comes. */
    private record Run(String name, int events, int killAtAccepted, Duration killAfter, int receiverConcurrency,
                       Duration receiverDelay, boolean backlogAtKill) {
    }

    /**
     * A third of the way through a burst, to a receiver slower than publishing (4 requests at a time, 25 ms each,
     * about 160/s): a backlog is queued, sends are in flight and publishes are half done.
     */
    @Test
    void everyAcceptedEventIsDeliveredAfterTheServerIsKilledMidStream() throws Exception {
        killAndRestart(new Run("crash-recovery", 3000, 1000, Duration.ZERO, 4, Duration.ofMillis(25), true));
    }

    /** After more than a minute of steady work, when the file has begun reusing space. */
    @Test
    void everyAcceptedEventIsDeliveredAfterAKillPastTheFilesRetentionTime() throws Exception {
        killAndRestart(new Run("crash-recovery-long", 400_000, 1, PAST_RETENTION, 32, Duration.ofMillis(1), false));
    }

    private void killAndRestart(Run run) throws Exception {
        Path directory = ChildServerSetup.workDirectory(run.name());
        Map<String, String> environment = ChildServerSetup.environment(directory, SETTINGS);
        try (TestReceiver receiver = new TestReceiver(run.receiverConcurrency())) {
            receiver.delay(run.receiverDelay());

            Set<String> accepted;
            int deliveredBeforeKill;
            HeraldClient tenant;
            String webhookId;
            try (ChildServer doomed = ChildServer.start(environment, directory.resolve("killed.log"))) {
                tenant = HeraldClient.at(doomed.baseUrl()).newTenant(ChildServerSetup.ADMIN_KEY, "acme");
                webhookId = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null)
                        .get("id").asText();
                long publishing = System.nanoTime();
                EventPublisher publisher = EventPublisher.start(tenant, "PATIENT_CREATED", run.events(),
                        PUBLISHING_THREADS);
                TestReceiver.await(run.killAfter().plusSeconds(60),
                        () -> receiver.distinctDeliveries() > 0 && publisher.acceptedCount() >= run.killAtAccepted()
                                && System.nanoTime() - publishing >= run.killAfter().toNanos(),
                        "publishing and delivering to be under way");
                doomed.kill();
                deliveredBeforeKill = receiver.acceptedEventIds().size();
                long publishedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishing);
                publisher.awaitStopped(Duration.ofSeconds(30));
                accepted = publisher.accepted();
                System.out.printf("SIGKILL after %d ms of publishing: %d events accepted, %d delivered%n",
                        publishedMillis, accepted.size(), deliveredBeforeKill);
            }
            assertTrue(accepted.size() < run.events(), "the kill came after publishing ended");
            if (run.backlogAtKill()) {
                assertTrue(deliveredBeforeKill < accepted.size(), "the kill came after the receiver had caught up");
            }

            long restarted = System.nanoTime();
            Set<String> lost;
            try (ChildServer successor = ChildServer.start(environment, directory.resolve("successor.log"))) {
                // The file was not closed: H2's own open could stop short of its newest commits (docs/DECISIONS.md).
                assertTrue(Files.readString(successor.log()).contains("was not closed"),
                        "the successor read the killed server's H2 file in recovery mode; see " + successor.log());
                // Well under the 60 s lease: the dead server's claims are not waited for.
                lost = Poll.latest(Duration.ofSeconds(60), () -> missing(accepted, receiver.acceptedEventIds()),
                        Set::isEmpty);
                if (lost.isEmpty()) {
                    // All recorded as delivered: no re-send is still under way, so the duplicate count is final.
                    Poll.until(Duration.ofSeconds(60), () -> undelivered(tenant.on(successor.baseUrl()), webhookId),
                            none -> none == 0, "no delivery left undelivered");
                }
            }
            long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
            writeReport(run.name(), accepted.size(), deliveredBeforeKill, lost.size(), receiver.duplicates(),
                    recoveryMillis);
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

    private static void writeReport(String name, int accepted, int deliveredBeforeKill, int lost, int duplicates,
                                    long recoveryMillis) throws IOException {
        String report = String.format(name + ": %d events accepted, %d delivered before SIGKILL, "
                        + "%d lost, %d duplicate deliveries, all delivered %d ms after the restart began%n",
                accepted, deliveredBeforeKill, lost, duplicates, recoveryMillis);
        System.out.print(report);
        Files.writeString(Path.of("target", name + "-report.txt"), report);
    }
}
