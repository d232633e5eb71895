package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event history, docs/API.md §5.1-5.2, through real HTTP. */
class EventHistoryRoutesTest extends AcmeApiTest {
    private static final List<String> EVENT_FIELDS = List.of("id", "type", "createdDate", "data", "idempotencyKey",
            "deliveryCount");
    private static final List<String> DELIVERY_FIELDS = List.of("id", "webhookId", "status", "createdDate",
            "deliveredDate", "attemptCount", "lastDeliveryAttemptDate", "lastDeliveryAttemptStatus",
            "lastDeliveryAttemptError", "nextAttemptDate");

    private String webhookId;

    @BeforeEach
    void start() {
        webhookId = api.webhook(acme, "https://example.com/hook").get("id").asText();
    }

    @Test
    void listsPublishedEventsNewestFirstWithTheirDataKeyAndDeliveryCount() {
        JsonNode first = publish("PATIENT_CREATED", "{\"n\":1}", "order-1");
        JsonNode second = publish("INVOICE_SENT", "{\"n\":2}", null);

        Answer answer = list("");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(2, answer.json().size());
        JsonNode newest = answer.json().get(0);
        assertEquals(EVENT_FIELDS, WebhookRoutesTest.fieldNames(newest));
        assertEquals(second.get("id"), newest.get("id"));
        assertEquals("INVOICE_SENT", newest.get("type").asText());
        assertTrue(newest.get("idempotencyKey").isNull());
        assertEquals(0, newest.get("deliveryCount").asInt(), "the webhook wants PATIENT_CREATED only");
        JsonNode oldest = answer.json().get(1);
        assertEquals(first.get("id"), oldest.get("id"));
        assertEquals(first.get("createdDate"), oldest.get("createdDate"));
        assertTrue(answer.body().contains("\"data\":{\"n\":1}"), answer.body());
        assertEquals("order-1", oldest.get("idempotencyKey").asText());
        assertEquals(1, oldest.get("deliveryCount").asInt());
        assertTrue(answer.headers().firstValue(ListCursor.NEXT_CURSOR_HEADER).isEmpty(), "one page holds them all");
    }

    @Test
    void filtersByTypeInEitherSpellingAndByExclusiveDatesAndSortsEitherWay() {
        JsonNode a = publish("PATIENT_CREATED", "{}", null);
        JsonNode b = publish("CALL_RECIEVED", "{}", null);
        JsonNode c = publish("PATIENT_CREATED", "{}", null);

        assertEquals(ids(c, a), ids(list("?event_type=PATIENT_CREATED")));
        assertEquals(ids(b), ids(list("?event_type=CALL_RECEIVED")), "the corrected spelling of §4.8");
        assertEquals(ids(a, b, c), ids(list("?sort_direction=AsC")));
        String from = a.get("createdDate").asText();
        assertTrue(ids(list("?created_after=" + from)).stream().noneMatch(a.get("id").asText()::equals));
        assertTrue(ids(list("?created_before=" + from)).isEmpty());
        assertEquals(ids(c), ids(list("?limit=1")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "?created_before=2026-01-01|created_before|value_error.datetime",
            "?created_after=yesterday|created_after|value_error.datetime",
            "?limit=0|limit|value_error.number.not_in_range",
            "?limit=1001|limit|value_error.number.not_in_range",
            "?limit=ten|limit|type_error.integer",
            "?event_type=NOPE|event_type|type_error.enum",
            "?sort_direction=up|sort_direction|type_error.enum",
            "?cursor=garbage|cursor|value_error.cursor",
            "?offset=10|offset|value_error.cursor"})
    void eachBadParameterIsA422AtItsName(String query, String parameter, String type) {
        Answer answer = list(query);
        assertEquals(422, answer.status(), answer.body());
        JsonNode problem = answer.json().get("detail").get(0);
        assertEquals("[\"query\",\"" + parameter + "\"]", problem.get("loc").toString());
        assertEquals(type, problem.get("type").asText());
    }

    @Test
    void getAnswersTheEventWithTheStateOfEachDelivery() {
        String otherWebhook = api.webhook(acme, "https://example.com/other").get("id").asText();
        JsonNode event = publish("PATIENT_CREATED", "{\"n\":7}", "k-7");

        Answer answer = api.call("GET", "/v1/event/get/" + event.get("id").asText()).as(acme).send();

        assertEquals(200, answer.status(), answer.body());
        JsonNode got = answer.json();
        List<String> fields = new ArrayList<>(EVENT_FIELDS);
        fields.add("deliveries");
        assertEquals(fields, WebhookRoutesTest.fieldNames(got));
        assertEquals(event.get("id"), got.get("id"));
        assertEquals("k-7", got.get("idempotencyKey").asText());
        assertEquals(2, got.get("deliveries").size());
        JsonNode delivery = got.get("deliveries").get(0);
        assertEquals(DELIVERY_FIELDS, WebhookRoutesTest.fieldNames(delivery));
        assertEquals(webhookId, delivery.get("webhookId").asText(), "oldest webhook's delivery first");
        assertEquals(otherWebhook, got.get("deliveries").get(1).get("webhookId").asText());
        assertEquals("PENDING", delivery.get("status").asText());
        assertTrue(delivery.get("deliveredDate").isNull());
        assertEquals(0, delivery.get("attemptCount").asInt());
        Answer viaDelivery = api.call("GET", "/v1/webhook/events/" + delivery.get("id").asText()).as(acme).send();
        assertEquals(event.get("id"), viaDelivery.json().get("alertId"), "the id is the delivery's of §6.5");
    }

    @Test
    void anotherTenantsEventAnUnknownIdAndAMalformedOneAreNotFound() {
        JsonNode event = publish("PATIENT_CREATED", "{}", null);
        HttpApiFixture.Tenant globex = api.tenant("globex");
        for (String id : List.of(event.get("id").asText(), "evt_3kTq9ZbLmW2xY7cVn0aR5sPd", "nope")) {
            Answer answer = api.call("GET", "/v1/event/get/" + id).as(globex).send();
            assertEquals(404, answer.status(), id);
            assertEquals("{\"detail\":\"Event not found\"}", answer.body());
        }
        assertEquals(0, api.call("GET", "/v1/event/list").as(globex).send().json().size());
    }

    private JsonNode publish(String type, String data, String key) {
        String id = key == null ? "" : ",\"id\":\"" + key + "\"";
        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"" + type + "\",\"data\":" + data + id + "}").send();
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private Answer list(String query) {
        return api.call("GET", "/v1/event/list" + query).as(acme).send();
    }

    private static List<String> ids(JsonNode... events) {
        return java.util.Arrays.stream(events).map(e -> e.get("id").asText()).toList();
    }

    private static List<String> ids(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        List<String> ids = new ArrayList<>();
        answer.json().forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }
}
