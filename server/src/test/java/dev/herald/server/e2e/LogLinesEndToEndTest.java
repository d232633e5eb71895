package dev.herald.server.e2e;

import static dev.herald.server.e2e.ChildServerSetup.ADMIN_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.server.support.ChildServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's log (docs/API.md §8.6), in both formats, from the real server in a child JVM under real traffic: the
 * lines an operator acts on carry their ids and the last status, and no line, whatever happens, holds an API key, the
 * admin key, the metrics token or a webhook's secret.
 */
class LogLinesEndToEndTest {
    private static final String METRICS_TOKEN = "log-lines-metrics-token-0123456789";
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new TestReceiver();
        receiver.answer(request -> request.path().equals("/failing") ? 500 : 200);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void theLinesOperatorsActOnCarryTheirIdsAndNoLineEverHoldsASecret(String format) throws Exception {
        Path directory = ChildServerSetup.workDirectory("log-lines-" + format);
        Path log = directory.resolve("server.log");
        // Two attempts a delivery; the third failed send in a row opens the endpoint's circuit.
        Map<String, String> environment = ChildServerSetup.environment(directory, Map.of("HERALD_LOG_FORMAT", format,
                "HERALD_RETRY_SCHEDULE", "100ms", "HERALD_CIRCUIT_FAILURES", "3",
                "HERALD_METRICS_TOKEN", METRICS_TOKEN));
        List<String> secrets = new ArrayList<>(List.of(ADMIN_KEY, METRICS_TOKEN));
        String failingId;
        try (ChildServer server = ChildServer.start(environment, log)) {
            HeraldClient admin = HeraldClient.at(server.baseUrl()).asAdmin(ADMIN_KEY);
            String apiKey = admin.post("/admin/v1/tenant/create", Map.of("tenant", "clinic")).expect(200)
                    .get("apiKey").asText();
            secrets.add(apiKey);
            HeraldClient tenant = HeraldClient.at(server.baseUrl()).asTenant("clinic", apiKey);
            JsonNode failing = tenant.createWebhook(receiver.url("/failing"), List.of("PATIENT_CREATED"), null);
            failingId = failing.get("id").asText();
            addSecret(secrets, failing);
            addSecret(secrets, tenant.post("/v1/webhook/rotate-secret/" + failingId, Map.of("graceSeconds", 600))
                    .expect(200));
            addSecret(secrets, tenant.createWebhook(receiver.url("/working"), List.of("PATIENT_CREATED"), null));

            tenant.publish("PATIENT_CREATED", "{\"n\":1}");
            Poll.until(SOON, () -> lines(log), l -> l.stream().anyMatch(line -> line.contains("failed for good")),
                    "the delivery to the failing endpoint failed for good: " + log);
            tenant.publish("PATIENT_CREATED", "{\"n\":2}"); // its first send is the third failure in a row
            Poll.until(SOON, () -> lines(log), l -> l.stream().anyMatch(line -> line.contains("circuit opened")),
                    "the failing endpoint's circuit opened: " + log);

            // Wrong keys and tokens, an admin call, a scrape: each might be logged.
            assertEquals(401, HeraldClient.at(server.baseUrl()).asTenant("clinic", apiKey + "x")
                    .get("/v1/webhook/list").status());
            assertEquals(401, HeraldClient.at(server.baseUrl()).asAdmin(ADMIN_KEY + "x")
                    .post("/admin/v1/tenant/create", Map.of("tenant", "other")).status());
            secrets.add(admin.post("/admin/v1/tenant/clinic/api-key/rotate").expect(200).get("apiKey").asText());
            assertEquals(401, tenant.get("/v1/webhook/list").status(), "the old key no longer works");
            assertEquals(401, HeraldClient.at(server.baseUrl()).call("GET", "/metrics", null).status());
            assertEquals(0, server.terminate(SOON), "a clean stop, its lines written");
        }

        List<String> lines = lines(log);
        assertTrue(lines.size() > 3, "the server logged: " + lines);
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret in the log: " + line);
            }
        }
        String firstDeliveryId = receiver.requestsTo("/failing").get(0).header("webhook-id");
        if (format.equals("json")) {
            theLinesAreJsonObjectsWithTheirFields(lines, failingId, firstDeliveryId);
        } else {
            theLinesAreTextWithKeysAndValues(lines, failingId, firstDeliveryId);
        }
    }

    /** A webhook's secret, whole and its base64 part alone (the signing key). */
    private static void addSecret(List<String> secrets, JsonNode webhook) {
        String secret = webhook.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        secrets.add(secret);
        secrets.add(secret.substring("whsec_".length()));
    }

    private static void theLinesAreJsonObjectsWithTheirFields(List<String> lines, String webhookId,
                                                              String deliveryId) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            JsonNode object = JSON.readTree(line);
            assertTrue(object.isObject(), "one JSON object per line: " + line);
            for (String member : List.of("timestamp", "level", "logger", "thread", "message")) {
                assertTrue(object.hasNonNull(member), member + " in " + line);
            }
            assertTrue(object.get("timestamp").asText().endsWith("Z"), "UTC: " + line);
            Instant.parse(object.get("timestamp").asText());
            objects.add(object);
        }
        assertTrue(objects.stream().anyMatch(o -> o.get("message").asText().contains("listening on")),
                "the start line is a JSON line too");

        JsonNode failed = only(objects, "delivery failed for good");
        assertEquals("WARN", failed.get("level").asText());
        assertEquals("clinic", failed.get("tenant").asText());
        assertEquals(webhookId, failed.get("webhookId").asText());
        assertEquals(deliveryId, failed.get("deliveryId").asText());
        assertEquals("PATIENT_CREATED", failed.get("eventType").asText());
        assertEquals("2", failed.get("attempts").asText());
        assertEquals("500", failed.get("lastStatus").asText());

        JsonNode opened = only(objects, "endpoint circuit opened");
        assertEquals("WARN", opened.get("level").asText());
        assertEquals(webhookId, opened.get("webhookId").asText());
        assertEquals("3", opened.get("consecutiveFailures").asText());
        assertEquals("HTTP 500", opened.get("lastError").asText());
    }

    private static JsonNode only(List<JsonNode> objects, String message) {
        List<JsonNode> found = objects.stream().filter(o -> o.get("message").asText().equals(message)).toList();
        assertFalse(found.isEmpty(), "a line '" + message + "' in " + objects);
        return found.get(0);
    }

    private static void theLinesAreTextWithKeysAndValues(List<String> lines, String webhookId, String deliveryId) {
        String failed = lines.stream().filter(l -> l.contains("delivery failed for good") && l.contains(deliveryId))
                .findFirst().orElseThrow(() -> new AssertionError("no finally-failed line: " + lines));
        assertTrue(failed.contains(" WARN "), failed);
        for (String pair : List.of("tenant=\"clinic\"", "webhookId=\"" + webhookId + "\"",
                "deliveryId=\"" + deliveryId + "\"", "eventType=\"PATIENT_CREATED\"", "attempts=\"2\"",
                "lastStatus=\"500\"")) {
            assertTrue(failed.contains(pair), pair + " in " + failed);
        }
        String opened = lines.stream().filter(l -> l.contains("endpoint circuit opened")).findFirst().orElseThrow();
        assertTrue(opened.contains("webhookId=\"" + webhookId + "\"") && opened.contains("lastError=\"HTTP 500\""),
                opened);
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
