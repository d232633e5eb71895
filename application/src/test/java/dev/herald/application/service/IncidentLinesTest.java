package dev.herald.application.service;

import static dev.herald.application.service.ScriptedReceiver.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.out.ForLoggingIncidents.Incident;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lines an operator acts on (docs/API.md §8.6): one per delivery that failed for good, one per circuit opening or
 * closing, one per webhook disabled; each with its ids and the last status or error, never the webhook's secret.
 */
class IncidentLinesTest {
    private static final TenantId ACME = new TenantId("acme");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);
    private final Webhook webhook = herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/hook",
            List.of("PATIENT_CREATED"), "ops@acme.example"));

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":" + i + "}"));
        }
    }

    private List<Incident> lines(String message) {
        return herald.incidents.stream().filter(i -> i.message().equals(message)).toList();
    }

    @Test
    void aDeliveryThatFailsForGoodIsOneWarningWithItsIdsAndLastStatus() {
        herald.receiver.answer(request -> status(410)); // Gone: failed for good at once
        publish(1);
        Delivery failed = herald.cycle.runOnce().deliveries().get(0);

        List<Incident> lines = lines("delivery failed for good");
        assertEquals(1, lines.size());
        Incident line = lines.get(0);
        assertEquals(Level.WARNING, line.level());
        assertEquals(Map.of("tenant", "acme", "webhookId", webhook.id().value(), "deliveryId", failed.id().value(),
                "eventId", failed.eventId().value(), "eventType", "PATIENT_CREATED", "attempts", "1",
                "lastStatus", "410"), line.fields());
        assertTrue(line.text().startsWith("delivery failed for good tenant=\"acme\" webhookId=\""), line.text());
        assertFalse(line.text().contains(webhook.secret().value()), "never the secret");
    }

    @Test
    void aRetriedFailureIsNoLineUntilTheLastAttempt() {
        herald.receiver.answer(request -> status(500));
        publish(1);
        herald.cycle.runOnce();
        assertTrue(lines("delivery failed for good").isEmpty());
    }

    @Test
    void theCircuitOpeningIsOneLineAndItsClosingAfterAProbeAnother() {
        herald.receiver.answer(request -> status(503));
        publish(12);
        herald.cycle.runOnce();
        herald.clock.advance(Duration.ofSeconds(2));
        herald.cycle.runOnce(); // failed without a send: the circuit was already open

        List<Incident> opened = lines("endpoint circuit opened");
        assertEquals(1, opened.size(), "one line, however many sends failed: " + herald.incidents);
        assertEquals(Level.WARNING, opened.get(0).level());
        assertEquals("12", opened.get(0).fields().get("consecutiveFailures"));
        assertEquals("HTTP 503", opened.get(0).fields().get("lastError"));
        assertEquals(webhook.id().value(), opened.get(0).fields().get("webhookId"));

        herald.clock.advance(Duration.ofSeconds(11));
        herald.cycle.runOnce(); // the probe fails: still open, longer
        assertEquals(1, lines("endpoint circuit opened").size(), "a failed probe is no change");
        assertTrue(lines("endpoint circuit closed").isEmpty());

        herald.receiver.answer(request -> status(200));
        herald.clock.advance(Duration.ofSeconds(21));
        herald.cycle.runOnce(); // the probe succeeds
        List<Incident> closed = lines("endpoint circuit closed");
        assertEquals(1, closed.size(), herald.incidents.toString());
        assertEquals(Level.INFO, closed.get(0).level());
        assertEquals(Map.of("tenant", "acme", "webhookId", webhook.id().value(), "failuresBefore", "13"),
                closed.get(0).fields());
    }

    @Test
    void aFewFailuresOpenNoCircuit() {
        herald.receiver.answer(request -> status(503));
        publish(9);
        herald.cycle.runOnce();
        herald.receiver.answer(request -> status(200));
        publish(1);
        herald.clock.advance(Duration.ofSeconds(2));
        herald.cycle.runOnce();
        assertTrue(herald.incidents.isEmpty(), herald.incidents.toString());
    }

    @Test
    void aWebhookDisabledByHeraldIsOneWarning() {
        herald.receiver.answer(request -> status(500));
        publish(1);
        herald.cycle.runOnce();
        herald.clock.advance(Duration.ofDays(5));
        publish(1);
        herald.cycle.runOnce();

        List<Incident> disabled = lines("webhook disabled");
        assertEquals(1, disabled.size());
        assertEquals(Level.WARNING, disabled.get(0).level());
        assertEquals("acme", disabled.get(0).fields().get("tenant"));
        assertEquals(webhook.id().value(), disabled.get(0).fields().get("webhookId"));
        assertEquals("HTTP 500", disabled.get(0).fields().get("lastError"));
    }
}
