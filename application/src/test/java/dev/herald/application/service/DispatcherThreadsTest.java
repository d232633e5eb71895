package dev.herald.application.service;

import static dev.herald.application.contract.ContractFixtures.NO_LIMITS;
import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's own threads: started, it delivers everything published; through a database outage, it backs off and
 * resumes by itself; stopped, it gives back what it holds.
 */
class DispatcherThreadsTest {
    private static final TenantId ACME = new TenantId("acme");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);
    private final Webhook webhook = herald.webhooks.create(ACME,
            new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), null));

    @Test
    void aRunningDispatcherDeliversEveryPublishedEvent() {
        herald.dispatcher.start();
        try {
            for (int i = 0; i < 500; i++) {
                herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":" + i + "}"));
            }
            await(() -> herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all().withPage(1000, 0))
                    .allMatch(v -> v.delivery().status() == DeliveryStatus.DELIVERED));
            assertEquals(500, herald.receiver.requests.size());
        } finally {
            herald.dispatcher.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClaimThatFailsDoesNotStopDelivering() {
        herald.queue.failNextClaims(3);
        herald.dispatcher.start();
        try {
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
            await(() -> herald.receiver.requests.size() == 1);
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
            await(() -> herald.receiver.requests.size() == 2);
        } finally {
            herald.dispatcher.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void whileTheDatabaseIsAwayClaimsBackOffLogOnceEachWayAndDeliveryResumesAlone() {
        List<LogRecord> log = recordDispatcherLog();
        herald.queue.goUnavailable();
        herald.dispatcher.start();
        try {
            long started = System.nanoTime();
            await(() -> herald.queue.unavailableClaims() >= 5);
            Duration fiveClaims = Duration.ofNanos(System.nanoTime() - started);
            // Polling every 20 ms, five claims would take a tenth of a second; backing off, at least 0.1+0.2+0.4+0.8 s.
            assertTrue(fiveClaims.compareTo(Duration.ofMillis(1_400)) >= 0, "five claims in " + fiveClaims);

            herald.queue.comeBack();
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
            await(() -> herald.receiver.requests.size() == 1);

            assertEquals(1, count(log, Level.WARNING), "one warning for the whole outage");
            assertEquals(1, count(log, Level.INFO), "one line when the database is back");
            assertTrue(log.stream().anyMatch(r -> r.getLevel() == Level.INFO
                    && r.getMessage().startsWith("the database answers again")));
        } finally {
            herald.dispatcher.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void anOutcomeThatCannotBeRecordedDuringAnOutageIsRecordedAfterwardsNotSentAgain() {
        herald.receiver.hold();
        herald.dispatcher.start();
        try {
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
            await(() -> herald.receiver.requests.size() == 1);
            herald.queue.goUnavailable();
            herald.receiver.answerHeld(); // the receiver got it; the database is away when Herald records that
            await(() -> herald.queue.unavailableCompletions() >= 3);

            herald.queue.comeBack();
            await(() -> herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all())
                    .allMatch(v -> v.delivery().status() == DeliveryStatus.DELIVERED));
            assertEquals(1, herald.receiver.requests.size(), "recorded, not sent a second time");
        } finally {
            herald.dispatcher.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void stoppingGivesBackWhatIsStillInFlight() {
        herald.receiver.hold();
        herald.dispatcher.start();
        for (int i = 0; i < 3; i++) {
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":" + i + "}"));
        }
        await(() -> herald.receiver.requests.size() == 3);
        herald.dispatcher.stop(Duration.ofMillis(100));
        assertEquals(3, herald.queue.claim(herald.clock.instant(), 10, ANY_SIZE, Duration.ofMinutes(1), NO_LIMITS).size(),
                "released: due at once, under no lease");
    }

    @Test
    void stoppingWaitsForSendsInFlightToFinishWithoutWaitingOutTheGrace() throws Exception {
        herald.receiver.hold();
        herald.dispatcher.start();
        for (int i = 0; i < 3; i++) {
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":" + i + "}"));
        }
        await(() -> herald.receiver.requests.size() == 3);
        Thread answering = new Thread(() -> {
            await(() -> !herald.dispatcher.isRunning()); // stop() has begun
            herald.receiver.answerHeld();
        });
        answering.start();
        long started = System.nanoTime();
        herald.dispatcher.stop(Duration.ofSeconds(30));
        answering.join();
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0,
                "stop returned once the sends were recorded");
        assertTrue(herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all())
                .allMatch(v -> v.delivery().status() == DeliveryStatus.DELIVERED), "recorded before stop returned");
        assertEquals(List.of(), herald.queue.claim(herald.clock.instant().plusSeconds(3600), 10, ANY_SIZE,
                Duration.ofMinutes(1), NO_LIMITS), "nothing was given back");
    }

    /** What the dispatcher logs from now on (through {@code System.Logger}, which is java.util.logging here). */
    private static List<LogRecord> recordDispatcherLog() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(DeliveryDispatcher.class.getName());
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return records;
    }

    private static long count(List<LogRecord> log, Level level) {
        return log.stream().filter(r -> r.getLevel() == level).count();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(10); // a poll interval, not a wait for the work itself
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
