package dev.herald.server.e2e;

import dev.herald.server.support.LocalServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.bootstrap.Herald;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.ReceiverSignatures;
import dev.herald.server.support.TestReceiver;
import dev.herald.server.support.TestReceiver.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook's own headers (docs/API.md §4.1, §6.1) end to end: given over real HTTP, stored, and sent with every
 * attempt of its deliveries to a real receiver, next to Herald's signatures, which still verify.
 */
class CustomHeadersEndToEndTest {
    private static final String ADMIN_KEY = "e2e-admin-key-0123456789";
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private static HeraldServer server;

    private TestReceiver receiver;
    private HeraldClient tenant;

    @BeforeAll
    static void startServer() {
        server = HeraldServer.start(LocalServerConfig.of("headers", ADMIN_KEY,
                Map.of("HERALD_RETRY_SCHEDULE", "100ms", "HERALD_DELIVERY_TIMEOUT", "2s")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newReceiverAndTenant() throws Exception {
        receiver = new TestReceiver();
        tenant = HeraldClient.at("http://localhost:" + server.port())
                .newTenant(ADMIN_KEY, "headers-" + TENANTS.incrementAndGet());
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void everyAttemptCarriesTheWebhooksHeadersNextToSignaturesThatStillVerify() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer t0k3n");
        headers.put("X-Tenant-Route", "acme: \"blue\" ~ 42");
        JsonNode webhook = create(headers);
        String secret = webhook.get("secret").asText();
        AtomicInteger answered = new AtomicInteger();
        receiver.answer(request -> answered.incrementAndGet() == 1 ? 503 : 200); // so that a retry follows

        tenant.publish("PATIENT_CREATED", "{\"patientId\":42}");
        TestReceiver.await(SOON, () -> receiver.requests().size() == 2, "the first attempt and its retry");

        for (Received attempt : receiver.requests()) {
            headers.forEach((name, value) -> assertEquals(value, attempt.header(name), name));
            assertEquals("application/json", attempt.header("Content-Type"));
            assertEquals("Herald/" + Herald.VERSION, attempt.header("User-Agent"));
            assertEquals(ReceiverSignatures.decodaSignature(secret, attempt.body()), attempt.header("Decoda-Signature"));
            ReceiverSignatures.verifyStandardWebhooks(secret, attempt);
        }
    }

    @Test
    void anUpdateReplacesOrClearsTheHeadersOfTheNextDeliveriesAndABadOneChangesNothing() {
        String id = create(Map.of("X-Old", "old")).get("id").asText();

        assertEquals(422, tenant.put("/v1/webhook/update/" + id, Map.of("headers", Map.of("X-New", "a\r\nX-Evil: 1")))
                .status());
        assertEquals(422, tenant.put("/v1/webhook/update/" + id, Map.of("headers", Map.of("webhook-id", "msg_forged")))
                .status());
        Received unchanged = deliveryOf(tenant.publish("PATIENT_CREATED", "{}"));
        assertEquals("old", unchanged.header("X-Old"));
        assertNull(unchanged.header("X-New"));
        assertNull(unchanged.header("X-Evil"));
        assertEquals(unchanged.header("webhook-id"), id(unchanged), "Herald's own delivery id");

        tenant.put("/v1/webhook/update/" + id, Map.of("headers", Map.of("X-New", "new"))).expect(200);
        Received replaced = deliveryOf(tenant.publish("PATIENT_CREATED", "{}"));
        assertEquals("new", replaced.header("X-New"));
        assertNull(replaced.header("X-Old"), "the headers are replaced whole");

        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("headers", null);
        assertEquals("{}", tenant.put("/v1/webhook/update/" + id, clear).expect(200).get("headers").toString());
        Received cleared = deliveryOf(tenant.publish("PATIENT_CREATED", "{}"));
        assertNull(cleared.header("X-New"));
        assertNull(cleared.header("X-Old"));
    }

    private JsonNode create(Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", receiver.url("/hook"));
        body.put("subscriptions", List.of("PATIENT_CREATED"));
        body.put("headers", headers);
        JsonNode webhook = tenant.post("/v1/webhook/create", body).expect(200);
        assertEquals(HeraldClient.JSON.valueToTree(headers), webhook.get("headers"));
        return webhook;
    }

    private static String id(Received delivery) {
        try {
            return HeraldClient.JSON.readTree(delivery.body()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request that delivered the event published as {@code event}. */
    private Received deliveryOf(JsonNode event) {
        String eventId = event.get("id").asText();
        TestReceiver.await(SOON, () -> receiver.requests().stream().anyMatch(r -> r.body().contains(eventId)),
                "the delivery of " + eventId);
        return receiver.requests().stream().filter(r -> r.body().contains(eventId)).findFirst().orElseThrow();
    }
}
