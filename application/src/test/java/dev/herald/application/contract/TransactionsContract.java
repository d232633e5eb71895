package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.answered;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.application.port.out.ForRunningTransactions;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.ApiKey;
import dev.herald.domain.webhook.Webhook;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForRunningTransactions} does with the stores it runs over: the work's writes, through every
 * store, all stay or all go; an exception thrown by the work comes out unchanged after everything is undone; a call
 * inside another joins it, with no rollback of its own.
 */
public abstract class TransactionsContract {
    private static final IdempotencyKey KEY = new IdempotencyKey("order-1");

    /** Empty stores, and the transactions that span them. */
    protected abstract StoresUnderTest emptyStores();

    public record StoresUnderTest(ForRunningTransactions transactions, ForStoringTenants tenants,
                                  ForStoringWebhooks webhooks, ForStoringEvents events,
                                  ForQueueingDeliveries deliveries, ForReadingDeliveryLog log) {
    }

    private ForRunningTransactions transactions;
    private ForStoringTenants tenants;
    private ForStoringWebhooks webhooks;
    private ForStoringEvents events;
    private ForQueueingDeliveries deliveries;
    private ForReadingDeliveryLog log;

    @BeforeEach
    void startEmpty() {
        StoresUnderTest stores = emptyStores();
        transactions = stores.transactions();
        tenants = stores.tenants();
        webhooks = stores.webhooks();
        events = stores.events();
        deliveries = stores.deliveries();
        log = stores.log();
    }

    /** What a publish writes, after its tenant: a webhook, an event and its delivery. */
    private record Written(Webhook webhook, Event event, Delivery delivery) {
    }

    private Written writeTenantAndPublish() {
        tenants.insert(ACME, ApiKey.generate().hash());
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        webhooks.insert(webhook);
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(1), Optional.of(KEY));
        events.insert(event);
        Delivery delivery = Delivery.of(event, webhook.id());
        deliveries.enqueue(List.of(delivery));
        return new Written(webhook, event, delivery);
    }

    private void assertNothingOf(Written written) {
        assertEquals(Optional.empty(), tenants.keyHash(ACME), "tenant");
        assertEquals(Optional.empty(), webhooks.find(ACME, written.webhook().id()), "webhook");
        assertEquals(Optional.empty(), events.findByIdempotencyKey(ACME, KEY), "event");
        assertEquals(Map.of(), events.data(List.of(written.event().id())), "event data");
        assertEquals(Optional.empty(), log.find(ACME, written.delivery().id()), "delivery");
    }

    private void assertAllOf(Written written) {
        assertTrue(tenants.keyHash(ACME).isPresent(), "tenant");
        assertEquals(Optional.of(written.webhook()), webhooks.find(ACME, written.webhook().id()), "webhook");
        assertEquals(Optional.of(written.event().id()), events.findByIdempotencyKey(ACME, KEY).map(Event::id), "event");
        assertEquals(Optional.of(written.delivery()), log.find(ACME, written.delivery().id()), "delivery");
    }

    @Test
    void workThatCompletesKeepsEveryWriteAndItsResult() {
        Written written = transactions.inTransaction(this::writeTenantAndPublish);

        assertAllOf(written);
    }

    @Test
    void workThatThrowsLeavesNoNewRowInAnyStoreAndTheExceptionComesOutUnchanged() {
        Written[] written = new Written[1];
        IllegalStateException thrown = new IllegalStateException("the service gave up");

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            written[0] = writeTenantAndPublish();
            throw thrown;
        }));

        assertSame(thrown, caught);
        assertNothingOf(written[0]);
    }

    @Test
    void workThatThrowsPutsBackWhatItChangedOrRemoved() {
        ApiKeyHash firstKey = ApiKey.generate().hash();
        tenants.insert(ACME, firstKey);
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        webhooks.insert(webhook);
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(1));
        events.insert(event);
        Delivery delivery = Delivery.of(event, webhook.id());
        deliveries.enqueue(List.of(delivery));

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            tenants.replaceKeyHash(ACME, ApiKey.generate().hash());
            Attempt attempt = answered(1, minutes(2), 500);
            deliveries.recordManualAttempt(delivery.afterManual(attempt), attempt);
            webhooks.update(webhook.archived(minutes(3)));
            deliveries.cancelPending(ACME, webhook.id());
            throw new IllegalStateException("the service gave up");
        }));

        assertEquals(Optional.of(firstKey), tenants.keyHash(ACME));
        assertEquals(Optional.of(webhook), webhooks.find(ACME, webhook.id()));
        assertEquals(Optional.of(delivery), log.find(ACME, delivery.id()));
        assertEquals(DeliveryStatus.PENDING, log.find(ACME, delivery.id()).orElseThrow().status());
        assertEquals(Map.of(delivery.id(), List.of()), log.attempts(List.of(delivery.id())));
    }

    @Test
    void anInnerCallJoinsTheOuterTransactionAndFallsWithIt() {
        Written[] written = new Written[1];

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            written[0] = transactions.inTransaction(this::writeTenantAndPublish);
            throw new IllegalStateException("the outer work gave up after the inner one returned");
        }));

        assertNothingOf(written[0]);
    }

    @Test
    void anInnerFailureCaughtByTheOuterWorkUndoesNothingOnItsOwn() {
        Written[] written = new Written[1];
        transactions.inTransaction(() -> {
            try {
                transactions.inTransaction(() -> {
                    written[0] = writeTenantAndPublish();
                    throw new IllegalStateException("the inner work gave up");
                });
            } catch (IllegalStateException caughtInside) {
                // the outer work carries on: there was no savepoint, so the inner writes are still part of it
            }
            return null;
        });

        assertAllOf(written[0]);
    }

    @Test
    void afterARollbackTheNextTransactionCommits() {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            webhooks.insert(webhook(ACME, minutes(0), EventType.PATIENT_CREATED));
            throw new IllegalStateException("the service gave up");
        }));

        Written written = transactions.inTransaction(this::writeTenantAndPublish);

        assertAllOf(written);
        assertEquals(List.of(written.webhook()), webhooks.list(ACME, true));
    }

    @Test
    void aRollbackLeavesWhatAnotherThreadWroteMeanwhile() throws Exception {
        Webhook others = webhook(ACME, minutes(0), EventType.PAYMENT_CREATED);

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            webhooks.insert(webhook(ACME, minutes(0), EventType.PATIENT_CREATED));
            try {
                CompletableFuture.runAsync(() -> webhooks.insert(others)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the other thread could not write", e);
            }
            throw new IllegalStateException("the service gave up");
        }));

        assertEquals(List.of(others), webhooks.list(ACME, true));
    }
}
