package dev.herald.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.server.support.ChildServer;
import dev.herald.server.support.EventPublisher;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.TestReceiver;
import dev.herald.server.support.TestReceiver.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops the server cleanly: it exits with 0, records the outcome of every send it made, closes the database
 * itself (no "already closed" error), and leaves nothing leased, so a server started again on the same database with
 * the default 60 s lease delivers everything that is left at once, and nothing twice.
 */
class GracefulStopTest {
    private static final int EVENTS = 400;
    private static final Pattern DATABASE_CLOSED = Pattern.compile("(already|has been) closed", Pattern.CASE_INSENSITIVE);
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);
    /** Far below the default 60 s lease: only deliveries given back (or never claimed) can arrive this soon. */
    private static final Duration WELL_BEFORE_THE_LEASE = Duration.ofSeconds(20);

    @Test
    void sigtermExitsCleanlyAndTheNextStartDeliversTheRestAtOnce() throws Exception {
        Path directory = ChildServerSetup.workDirectory("graceful-stop");
        Map<String, String> environment = ChildServerSetup.environment(directory, Map.of()); // the default lease
        // A slow receiver (16 at a time, 300 ms each), held shut while publishing so a backlog builds whatever the
        // machine's speed: at the stop, sends are in flight (the dispatcher's 200) and the rest is still queued.
        try (TestReceiver receiver = new TestReceiver(16)) {
            CountDownLatch open = new CountDownLatch(1);
            receiver.delay(Duration.ofMillis(300));
            receiver.reply(request -> {
                awaitQuietly(open);
                return Reply.status(200);
            });

            Set<String> accepted;
            Path log = directory.resolve("stopped.log");
            try (ChildServer server = ChildServer.start(environment, log)) {
                HeraldClient tenant = HeraldClient.at(server.baseUrl()).newTenant(ChildServerSetup.ADMIN_KEY, "acme");
                tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null);
                EventPublisher publisher = EventPublisher.start(tenant, "PATIENT_CREATED", EVENTS, 4);
                publisher.awaitStopped(Duration.ofSeconds(60));
                accepted = publisher.accepted();
                assertEquals(EVENTS, accepted.size());
                open.countDown();

                long stopping = System.nanoTime();
                assertEquals(0, server.terminate(STOP_BOUND), "exit code after SIGTERM");
                System.out.printf("stopped %d ms after SIGTERM%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
            }
            int deliveredBeforeStop = receiver.acceptedEventIds().size();
            assertTrue(deliveredBeforeStop < EVENTS, "nothing was left to deliver after the stop");
            String stopLog = Files.readString(log);
            assertTrue(stopLog.contains("Herald stopped"), "the log says the server stopped");
            // Herald, not H2's shutdown hook, closes the database: after the workers stopped and recorded outcomes.
            assertFalse(DATABASE_CLOSED.matcher(stopLog).find(), "no 'database closed' error while stopping: " + stopLog);
            Path trace = directory.resolve("herald.trace.db");
            assertFalse(Files.exists(trace) && DATABASE_CLOSED.matcher(Files.readString(trace)).find(),
                    "H2's trace file has no 'already closed' error");

            receiver.delay(Duration.ZERO);
            long restarted = System.nanoTime();
            try (ChildServer again = ChildServer.start(environment, directory.resolve("restarted.log"))) {
                TestReceiver.await(WELL_BEFORE_THE_LEASE, () -> receiver.acceptedEventIds().containsAll(accepted),
                        "the deliveries left at the stop");
            }
            assertEquals(0, receiver.duplicates(), "every outcome of a send before the stop was recorded: none repeated");
            System.out.printf("%d of %d delivered before the stop; the rest %d ms after the restart began%n",
                    deliveredBeforeStop, EVENTS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
