package dev.herald.server.e2e;

import dev.herald.server.support.LocalServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.domain.event.EventType;
import dev.herald.server.HeraldConfig;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.HeraldClient.Answer;
import dev.herald.server.support.Poll;
import dev.herald.server.support.ReceiverSignatures;
import dev.herald.server.support.TestReceiver;
import dev.herald.server.support.TestReceiver.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event-type catalog, schema checks on publish and examples sent to a webhook (docs/API.md §4.11, §4.12, §5),
 * over real HTTP: one server checks event data against the schemas, the other (the default) does not.
 */
class EventTypesEndToEndTest {
    private static final String ADMIN_KEY = "e2e-admin-key-0123456789";
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private static HeraldServer validating;
    private static HeraldServer lenient;

    private TestReceiver receiver;

    @BeforeAll
    static void startServers() {
        validating = HeraldServer.start(config(Map.of("HERALD_VALIDATE_EVENT_DATA", "true")));
        lenient = HeraldServer.start(config(Map.of()));
    }

    @AfterAll
    static void stopServers() {
        validating.close();
        lenient.close();
    }

    @BeforeEach
    void newReceiver() throws IOException {
        receiver = new TestReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void theCatalogListsEveryTypeInOrderWithADescriptionAnExampleAndASchema() {
        JsonNode catalog = newTenant(lenient).get("/v1/event-type/list").expect(200);

        List<String> types = new ArrayList<>();
        for (JsonNode entry : catalog) {
            String type = entry.get("type").asText();
            types.add(type);
            assertFalse(entry.get("description").asText().isBlank(), type);
            assertTrue(entry.get("example").isObject(), type);
            JsonNode schema = entry.get("schema");
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText(), type);
            assertEquals("object", schema.get("type").asText(), type);
            assertTrue(schema.get("additionalProperties").asBoolean(), type + " lets publishers add members");
        }
        assertEquals(Arrays.stream(EventType.values()).map(Enum::name).toList(), types);
        assertEquals(401, HeraldClient.at(baseUrl(lenient)).get("/v1/event-type/list").status());
    }

    @Test
    void everyExampleOfTheCatalogIsAcceptedByAServerThatChecksDataAgainstTheSchemas() {
        HeraldClient tenant = newTenant(validating);
        for (JsonNode entry : tenant.get("/v1/event-type/list").expect(200)) {
            tenant.publish(entry.get("type").asText(), entry.get("example").toString());
        }
    }

    @Test
    void withValidationOnDataThatBreaksItsSchemaIsA422NamingTheFieldAndCreatesNothing() {
        HeraldClient tenant = newTenant(validating);
        String hook = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED", "PAYMENT_CREATED"), null)
                .get("id").asText();

        JsonNode wrongType = tenant.tryPublish("PATIENT_CREATED", "{\"patientId\":42}").expect(422);
        assertEquals(List.of(List.of("body", "data", "patientId")), locations(wrongType));
        assertEquals("value_error.schema", wrongType.get("detail").get(0).get("type").asText());

        JsonNode missing = tenant.tryPublish("PATIENT_CREATED", "{\"firstName\":\"Ada\"}").expect(422);
        assertEquals(List.of(List.of("body", "data", "patientId")), locations(missing));

        JsonNode several = tenant.tryPublish("PAYMENT_CREATED",
                "{\"paymentId\":\"pay_1\",\"amount\":\"12\",\"currency\":\"usd\"}").expect(422);
        assertEquals(List.of(List.of("body", "data", "amount"), List.of("body", "data", "currency")),
                locations(several).stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList());

        assertEquals(0, deliveries(tenant, hook).size(), "nothing was created");
        tenant.publish("PATIENT_CREATED", "{\"patientId\":\"pat_42\",\"ward\":\"B\"}");
        assertEquals(1, deliveries(tenant, hook).size(), "valid data, with a member the schema does not name");
    }

    @Test
    void withValidationOffAsByDefaultAnyJsonObjectIsPublished() {
        HeraldClient tenant = newTenant(lenient);
        tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null);
        assertEquals(1, tenant.publish("PATIENT_CREATED", "{\"patientId\":42}").get("deliveryCount").asInt());
    }

    @Test
    void anExampleReachesTheWebhookSignedAndIsLoggedAsADeliveryWhateverItSubscribesTo() throws Exception {
        HeraldClient tenant = newTenant(lenient);
        JsonNode hook = tenant.createWebhook(receiver.url("/hook"), List.of("PAYMENT_CREATED"), null);
        String hookId = hook.get("id").asText();
        String secret = hook.get("secret").asText();
        tenant.createWebhook(receiver.url("/other"), List.of("PATIENT_CREATED"), null);

        JsonNode sent = tenant.post("/v1/webhook/send-example/" + hookId, Map.of("eventType", "PATIENT_CREATED"))
                .expect(200);
        String deliveryId = sent.get("deliveryId").asText();
        String eventId = sent.get("eventId").asText();
        assertTrue(deliveryId.startsWith("msg_") && eventId.startsWith("evt_"), sent.toString());
        assertEquals("PATIENT_CREATED", sent.get("type").asText());

        Received received = Poll.until(SOON, receiver::requests, r -> !r.isEmpty(), "the example").get(0);
        assertEquals("/hook", received.path(), "only the webhook named, not the type's subscriber");
        assertEquals(deliveryId, received.header("webhook-id"));
        JsonNode body = HeraldClient.JSON.readTree(received.body());
        assertEquals("PATIENT_CREATED", body.get("type").asText());
        assertEquals(eventId, body.get("alertId").asText());
        assertEquals(example("PATIENT_CREATED", tenant), body.get("data"));
        assertEquals(ReceiverSignatures.decodaSignature(secret, received.body()), received.header("Decoda-Signature"));
        ReceiverSignatures.verifyStandardWebhooks(secret, received);

        JsonNode delivery = Poll.until(SOON, () -> tenant.delivery(deliveryId),
                d -> d.get("status").asText().equals("DELIVERED"), "the example's delivery to be delivered");
        assertEquals(hookId, delivery.get("webhookId").asText());
        assertEquals(List.of(deliveryId), deliveries(tenant, hookId).stream().map(d -> d.get("id").asText()).toList());
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void everyBadRequestToSendAnExampleAnswersItsErrorAndSendsNothing() {
        HeraldClient tenant = newTenant(lenient);
        String hook = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null).get("id").asText();
        String path = "/v1/webhook/send-example/" + hook;

        assertEquals(List.of("body", "eventType"), onlyLocation(tenant.post(path, Map.of()), "value_error.missing"));
        assertEquals(List.of("body", "eventType"),
                onlyLocation(tenant.post(path, Map.of("eventType", "NOPE")), "type_error.enum"));
        assertEquals(List.of("body", "eventType"),
                onlyLocation(tenant.post(path, "{\"eventType\":null}"), "type_error.none.not_allowed"));
        assertEquals(List.of("body", "eventType"),
                onlyLocation(tenant.post(path, "{\"eventType\":7}"), "type_error.str"));
        assertEquals(List.of("body"), onlyLocation(tenant.post(path, "{\"eventType\":"), "value_error.jsondecode"));
        assertEquals(List.of("body"), onlyLocation(tenant.post(path, "[\"PATIENT_CREATED\"]"), "type_error.dict"));
        assertEquals(List.of("body"), onlyLocation(tenant.post(path), "value_error.missing"));

        Map<String, String> patient = Map.of("eventType", "PATIENT_CREATED");
        assertEquals(404, tenant.post("/v1/webhook/send-example/wh_000000000000000000000000", patient).status());
        assertEquals(404, tenant.post("/v1/webhook/send-example/not-an-id", patient).status());
        assertEquals(404, newTenant(lenient).post(path, patient).status(), "another tenant's webhook");
        assertEquals(405, tenant.get(path).status());
        assertEquals(401, HeraldClient.at(baseUrl(lenient)).post(path, patient).status());

        String deleted = tenant.createWebhook(receiver.url("/deleted"), List.of("PATIENT_CREATED"), null)
                .get("id").asText();
        tenant.delete("/v1/webhook/delete/" + deleted).expect(200);
        assertEquals("Webhook not found", tenant.post("/v1/webhook/send-example/" + deleted, patient)
                .expect(404).get("detail").asText());

        String disabled = tenant.createWebhook(receiver.url("/disabled"), List.of("PATIENT_CREATED"), null)
                .get("id").asText();
        tenant.put("/v1/webhook/update/" + disabled, Map.of("isDisabled", true)).expect(200);
        assertTrue(tenant.post("/v1/webhook/send-example/" + disabled, patient).expect(409).get("detail").asText()
                .contains("disabled"));

        for (String webhook : List.of(hook, deleted, disabled)) {
            assertEquals(0, deliveries(tenant, webhook).size(), "no delivery for " + webhook);
        }
        // A good request last: once its example has arrived, none of the bad ones sent anything before it.
        String good = tenant.post(path, Map.of("eventType", "CALL_RECEIVED")).expect(200).get("deliveryId").asText();
        Poll.until(SOON, receiver::requests, r -> !r.isEmpty(), "the good example");
        assertEquals(List.of(good), receiver.requests().stream().map(r -> r.header("webhook-id")).toList());
        assertEquals("CALL_RECIEVED", tenant.delivery(good).get("type").asText());
    }

    private static JsonNode example(String type, HeraldClient tenant) {
        for (JsonNode entry : tenant.get("/v1/event-type/list").expect(200)) {
            if (entry.get("type").asText().equals(type)) {
                return entry.get("example");
            }
        }
        throw new AssertionError("no " + type + " in the catalog");
    }

    /** The one 422 entry's location, after checking its type. */
    private static List<Object> onlyLocation(Answer answer, String type) {
        JsonNode detail = answer.expect(422).get("detail");
        assertEquals(1, detail.size(), answer.body());
        assertEquals(type, detail.get(0).get("type").asText(), answer.body());
        return locations(answer.json()).get(0);
    }

    private static List<List<Object>> locations(JsonNode error) {
        List<List<Object>> locations = new ArrayList<>();
        for (JsonNode problem : error.get("detail")) {
            List<Object> loc = new ArrayList<>();
            problem.get("loc").forEach(part -> loc.add(part.isNumber() ? part.asInt() : part.asText()));
            locations.add(loc);
        }
        return locations;
    }

    private static List<JsonNode> deliveries(HeraldClient tenant, String webhookId) {
        List<JsonNode> list = new ArrayList<>();
        tenant.get("/v1/webhook/" + webhookId + "/delivery-attempts/list").expect(200).forEach(list::add);
        return list;
    }

    private static HeraldClient newTenant(HeraldServer on) {
        return HeraldClient.at(baseUrl(on)).newTenant(ADMIN_KEY, "tenant-" + TENANTS.incrementAndGet());
    }

    private static String baseUrl(HeraldServer server) {
        return "http://localhost:" + server.port();
    }

    private static HeraldConfig config(Map<String, String> overrides) {
        return LocalServerConfig.of("event-types", ADMIN_KEY, overrides);
    }
}
