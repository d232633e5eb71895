package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.NO_LIMITS;
import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static dev.herald.application.contract.ContractFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.contract.ContractFixtures;
import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A node starting on an H2 file takes over at once what a dead process held; a shared database waits for leases. */
class QueueRecoveryOnStartTest {
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Test
    void onAnH2FileTheDeadProcesssLeasesAreVoidAtTheNextStart() {
        String url = "jdbc:h2:file:./" + Path.of("target", "recovery-" + UUID.randomUUID(), "herald");
        Delivery pending;
        try (JdbiPersistence before = JdbiPersistence.connect(url, "", "")) {
            pending = enqueueOne(before);
            assertEquals(1, before.deliveries().claim(T0, 10, ANY_SIZE, LEASE, NO_LIMITS).size(), "leased by the process that dies");
        }
        try (JdbiPersistence after = JdbiPersistence.connect(url, "", "")) {
            assertEquals(List.of(), after.deliveries().claim(T0.plusSeconds(1), 10, ANY_SIZE, LEASE, NO_LIMITS), "still under lease");
            after.recoverQueueOnStart();
            List<Claim> claims = after.deliveries().claim(T0.plusSeconds(1), 10, ANY_SIZE, LEASE, NO_LIMITS);
            assertEquals(List.of(pending.id()), claims.stream().map(c -> c.delivery().id()).toList());
        }
    }

    @Test
    void inMemoryNothingIsRebuilt() {
        try (JdbiPersistence database = JdbiPersistence.connect("jdbc:h2:mem:recovery-" + UUID.randomUUID(), "", "")) {
            enqueueOne(database);
            assertEquals(1, database.deliveries().claim(T0, 10, ANY_SIZE, LEASE, NO_LIMITS).size());
            database.recoverQueueOnStart();
            assertEquals(List.of(), database.deliveries().claim(T0.plusSeconds(1), 10, ANY_SIZE, LEASE, NO_LIMITS), "the lease holds");
        }
    }

    /** A webhook, an event for it, and its delivery queued. */
    static Delivery enqueueOne(JdbiPersistence persistence) {
        Webhook webhook = ContractFixtures.webhook(ACME, T0, EventType.PATIENT_CREATED);
        Event event = ContractFixtures.event(ACME, EventType.PATIENT_CREATED, T0);
        persistence.webhooks().insert(webhook);
        persistence.events().insert(event);
        Delivery delivery = Delivery.of(event, webhook.id());
        persistence.deliveries().enqueue(List.of(delivery));
        return delivery;
    }
}
