package dev.herald.server.e2e;

import dev.herald.server.support.LocalServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention through the standalone server (docs/API.md §8.4): with HERALD_RETENTION=PT1S a delivered delivery, its
 * attempts and its event are purged by the background rounds, and the event's idempotency key may be used again.
 */
class RetentionEndToEndTest {
    private static final String ADMIN_KEY = "e2e-admin-key-0123456789";
    private static final Duration SOON = Duration.ofSeconds(5);
    /** A round every second, the first a second after start. */
    private static final Duration PURGED_WITHIN = Duration.ofSeconds(15);

    @Test
    void aDeliveryAndItsEventAreGoneOnceTheirRetentionHasPassed() throws IOException {
        try (TestReceiver receiver = new TestReceiver();
             HeraldServer server = HeraldServer.start(LocalServerConfig.of("e2e-retention", ADMIN_KEY,
                     Map.of("HERALD_RETENTION", "PT1S")))) {
            HeraldClient tenant = HeraldClient.at("http://localhost:" + server.port()).newTenant(ADMIN_KEY, "acme");
            String webhook = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null)
                    .get("id").asText();
            String body = "{\"type\":\"PATIENT_CREATED\",\"data\":{\"patientId\":42},\"id\":\"patient-42-created\"}";
            String eventId = tenant.post("/v1/event/create", body).expect(200).get("id").asText();
            String deliveryId = Poll.until(SOON, receiver::requests, r -> !r.isEmpty(), "the delivery")
                    .get(0).header("webhook-id");
            // Not asserted as DELIVERED first: with a one-second retention it may already be gone. Only a finished
            // delivery is ever purged (the contract tests keep every pending one).
            Poll.until(PURGED_WITHIN, () -> tenant.get("/v1/webhook/events/" + deliveryId).status(), s -> s == 404,
                    "the purge of delivery " + deliveryId);

            assertEquals("Delivery not found",
                    tenant.get("/v1/webhook/events/" + deliveryId).json().get("detail").asText());
            JsonNode list = tenant.get("/v1/webhook/" + webhook + "/delivery-attempts/list").expect(200);
            assertEquals(0, list.size(), "the webhook's deliveries are gone: " + list);
            // Its event went in the same round: the key now makes a new event (and a new delivery).
            JsonNode again = Poll.until(SOON, () -> tenant.post("/v1/event/create", body).expect(200),
                    e -> !e.get("id").asText().equals(eventId), "the key to make a new event");
            assertNotEquals(eventId, again.get("id").asText());
            assertEquals(1, again.get("deliveryCount").asInt());
        }
    }
}
