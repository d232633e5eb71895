package dev.herald.application.service;

import static dev.herald.application.service.ScriptedReceiver.status;
import static dev.herald.application.service.ScriptedReceiver.statusWithRetryAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForInspectingDeliveries.DeliveryView;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry schedule of docs/API.md §6.3, driven by a fake clock instead of waiting minutes. */
class RetryingDeliveriesTest {
    private static final TenantId ACME = new TenantId("acme");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);
    private final Webhook webhook = herald.webhooks.create(ACME,
            new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), "ops@example.com"));

    @Test
    void aFailingReceiverIsTriedSevenTimesOnTheScheduleThenTheOwnerIsToldOnce() {
        herald.receiver.answer(request -> status(500));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"id\":1}"));
        Instant published = herald.clock.instant();

        runUntilIdle(Duration.ofHours(1));

        DeliveryView view = onlyDelivery();
        assertEquals(DeliveryStatus.FAILED, view.delivery().status());
        assertEquals(7, view.attempts().size());
        long[] expectedGaps = {1_000, 5_000, 15_000, 60_000, 300_000, 900_000};
        List<Attempt> attempts = view.attempts();
        assertEquals(published, attempts.get(0).date(), "the first attempt is immediate");
        for (int i = 1; i < attempts.size(); i++) {
            long gap = Duration.between(attempts.get(i - 1).date(), attempts.get(i).date()).toMillis();
            long base = expectedGaps[i - 1];
            assertTrue(gap >= base * 0.8 - 1 && gap <= base * 1.2 + 1, "gap " + i + " was " + gap + " ms");
        }
        assertEquals(1, herald.notices.size());
        assertEquals("HTTP 500", herald.notices.get(0).lastOutcome());
        assertEquals(view.delivery().id(), herald.notices.get(0).deliveryId());
    }

    @Test
    void noticesAreThrottledToOnePerWebhookPerFifteenMinutesAndSummariseWhatWasHeldBack() {
        InMemoryHerald quick = new InMemoryHerald(RetrySchedule.parse(""));
        Webhook hook = quick.webhooks.create(ACME,
                new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), "ops@example.com"));
        quick.receiver.answer(request -> status(500));
        for (int i = 0; i < 3; i++) {
            quick.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":" + i + "}"));
        }
        quick.cycle.runOnce();
        assertEquals(1, quick.notices.size(), "three failures in one window: one notice");

        quick.clock.advance(Duration.ofMinutes(16));
        quick.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":4}"));
        quick.cycle.runOnce();
        assertEquals(2, quick.notices.size());
        assertEquals(2, quick.notices.get(1).suppressedSince(), "the two held back are summarised");
        assertEquals(hook.id(), quick.notices.get(1).webhookId());
    }

    @Test
    void goneEndsTheDeliveryAtOnce() {
        herald.receiver.answer(request -> status(410));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        runUntilIdle(Duration.ofHours(1));
        DeliveryView view = onlyDelivery();
        assertEquals(DeliveryStatus.FAILED, view.delivery().status());
        assertEquals(1, view.attempts().size());
    }

    @Test
    void retryAfterOnTooManyRequestsIsHonoured() {
        herald.receiver.answer(request -> herald.receiver.requests.size() == 1
                ? statusWithRetryAfter(429, Duration.ofSeconds(120)) : status(200));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        herald.cycle.runOnce();
        herald.clock.advance(Duration.ofSeconds(60));
        assertEquals(0, herald.cycle.runOnce().claimed(), "not due before the receiver's Retry-After");
        herald.clock.advance(Duration.ofSeconds(61));
        assertEquals(1, herald.cycle.runOnce().claimed());
        assertEquals(DeliveryStatus.DELIVERED, onlyDelivery().delivery().status());
    }

    @Test
    void aDeliveryThatSucceedsLaterIsDeliveredAndNobodyIsEmailed() {
        herald.receiver.answer(request -> herald.receiver.requests.size() < 3 ? status(503) : status(204));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        runUntilIdle(Duration.ofMinutes(5));
        DeliveryView view = onlyDelivery();
        assertEquals(DeliveryStatus.DELIVERED, view.delivery().status());
        assertEquals(3, view.attempts().size());
        assertEquals(view.attempts().get(2).date(), view.delivery().deliveredDate().orElseThrow());
        assertTrue(herald.notices.isEmpty());
    }

    @Test
    void deletingTheWebhookCancelsItsQueuedDeliveries() {
        herald.receiver.answer(request -> status(500));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        herald.cycle.runOnce();
        herald.webhooks.delete(ACME, webhook.id());
        runUntilIdle(Duration.ofHours(1));
        DeliveryView view = onlyDelivery();
        assertEquals(DeliveryStatus.CANCELLED, view.delivery().status());
        assertEquals(1, herald.receiver.requests.size());
    }

    @Test
    void aManualResendOfAFailedDeliveryDeliversItAndRecordsTheAttempt() {
        herald.receiver.answer(request -> status(410));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        herald.cycle.runOnce();
        herald.receiver.answer(request -> status(200));
        DeliveryView resent = herald.deliveries.resend(ACME, onlyDelivery().delivery().id(), true);
        assertEquals(DeliveryStatus.DELIVERED, resent.delivery().status());
        assertEquals(2, resent.attempts().size());
    }

    /** Dispatches what is due, then jumps the fake clock to the next attempt's date, until none is left in {@code horizon}. */
    private void runUntilIdle(Duration horizon) {
        Instant end = herald.clock.instant().plus(horizon);
        while (herald.clock.instant().isBefore(end)) {
            herald.cycle.runOnce();
            Instant next = herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all())
                    .flatMap(view -> view.delivery().nextAttemptDate().stream())
                    .min(Instant::compareTo).orElse(end);
            herald.clock.set(next.isAfter(herald.clock.instant()) ? next : herald.clock.instant().plusMillis(1));
        }
    }

    private DeliveryView onlyDelivery() {
        List<DeliveryView> views = herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).toList();
        assertEquals(1, views.size());
        return views.get(0);
    }
}
