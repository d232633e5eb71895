package dev.herald.application.service;

import static dev.herald.application.service.ScriptedReceiver.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForManagingWebhooks.EndpointStatus;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.endpoint.CircuitState;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker and the disabling of a failing webhook, through the use cases and the delivery cycle, with the
 * defaults (docs/API.md §6.8): open after 10 failed sends, a probe 10 s after the last one, disabled after 5 days.
 */
class EndpointIsolationTest {
    private static final TenantId ACME = new TenantId("acme");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);
    private final Webhook webhook = herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/hook",
            List.of("PATIENT_CREATED"), "ops@acme.example"));

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":" + i + "}"));
        }
    }

    private EndpointStatus health() {
        return herald.webhooks.health(ACME, List.of(webhook.id())).get(webhook.id());
    }

    @Test
    void tenFailedSendsOpenTheCircuitAndDueDeliveriesThenFailWithoutASend() {
        herald.receiver.answer(request -> status(503));
        publish(12);
        herald.cycle.runOnce();
        assertEquals(12, herald.receiver.requests.size());
        assertEquals(CircuitState.OPEN, health().circuit());
        assertEquals(12, health().consecutiveFailures());
        assertEquals("HTTP 503", health().lastError().orElseThrow());

        herald.clock.advance(Duration.ofSeconds(2)); // the first retry (1 s ± 20 %) is due
        List<Delivery> retried = herald.cycle.runOnce().deliveries();

        assertEquals(12, retried.size(), "each kept its schedule");
        assertEquals(12, herald.receiver.requests.size(), "nothing was sent while the circuit is open");
        assertTrue(retried.stream().allMatch(d -> d.status() == DeliveryStatus.PENDING && d.attemptCount() == 2
                && d.lastAttempt().orElseThrow().error().orElseThrow().equals(DeliveryAttempts.CIRCUIT_OPEN)));
    }

    @Test
    void afterTheCooldownOneProbeGoesOutAndItsSuccessLetsTheRestFlow() {
        herald.receiver.answer(request -> status(503));
        publish(12);
        herald.cycle.runOnce();
        herald.receiver.answer(request -> status(200));

        herald.clock.advance(Duration.ofSeconds(11));
        assertEquals(1, herald.cycle.runOnce().deliveries().stream().filter(d -> d.status() == DeliveryStatus.DELIVERED)
                .count(), "one probe");
        assertEquals(CircuitState.CLOSED, health().circuit());
        herald.cycle.runOnce();

        assertEquals(12 + 12, herald.receiver.requests.size(), "the rest went out at once after the probe");
    }

    @Test
    void aWebhookFailingForFiveDaysIsDisabledItsOwnerToldAndItsEventsHeldUntilItIsEnabled() {
        herald.receiver.answer(request -> status(500));
        publish(1);
        herald.cycle.runOnce();
        herald.clock.advance(Duration.ofDays(5));
        publish(1);
        herald.cycle.runOnce();

        Webhook disabled = herald.webhooks.get(ACME, webhook.id());
        assertTrue(disabled.isDisabled());
        assertEquals(1, herald.owners.disabledNotices().size());
        assertEquals(webhook.id(), herald.owners.disabledNotices().get(0).webhookId());

        herald.receiver.answer(request -> status(200));
        int sentBefore = herald.receiver.requests.size();
        assertEquals(1, herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}")).deliveryCount(),
                "the event is recorded for the disabled webhook");
        herald.cycle.runOnce();
        assertEquals(sentBefore, herald.receiver.requests.size(), "but not sent");

        assertFalse(herald.webhooks.enable(ACME, webhook.id()).isDisabled());
        assertEquals(0, health().consecutiveFailures(), "a fresh start");
        herald.cycle.runOnce();
        assertTrue(herald.receiver.requests.size() > sentBefore, "what was held goes out once it is enabled");
    }

    @Test
    void recoverSendsAgainWhatFinallyFailed() {
        herald.receiver.answer(request -> status(410)); // Gone: fails for good at once
        publish(3);
        herald.cycle.runOnce();
        herald.receiver.answer(request -> status(200));

        assertEquals(3, herald.webhooks.recover(ACME, webhook.id(), herald.clock.instant().minusSeconds(60)));
        herald.cycle.runOnce();

        assertEquals(6, herald.receiver.requests.size());
        assertEquals(0, herald.webhooks.recover(ACME, webhook.id(), herald.clock.instant().minusSeconds(60)),
                "they were delivered");
    }
}
