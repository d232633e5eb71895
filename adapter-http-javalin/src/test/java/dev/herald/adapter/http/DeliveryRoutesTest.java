package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryRoutesTest extends AcmeApiTest {
    private static final List<String> SUMMARY_FIELDS = List.of("id", "type", "data", "createdDate", "alertId",
            "deliveredDate", "lastDeliveryAttemptDate", "lastDeliveryAttemptStatus", "lastDeliveryAttemptError",
            "webhookId", "status", "attemptCount", "nextAttemptDate", "attempts");

    private String webhookId;

    @BeforeEach
    void start() {
        webhookId = api.call("POST", "/v1/webhook/create").as(acme).body("""
                {"url":"https://example.com/hook","subscriptions":["PATIENT_CREATED","INVOICE_SENT"],
                 "notificationEmail":"ops@example.com"}""").send().json().get("id").asText();
    }

    @Test
    void aPublishedEventIsListedAsAPendingDeliveryWithItsDataAsAnObject() {
        JsonNode event = api.event(acme, "{\"patientId\":42,\"name\":\"Ada\",\"tags\":[1.50,null]}");

        Answer answer = list("");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.json().size());
        JsonNode delivery = answer.json().get(0);
        assertEquals(SUMMARY_FIELDS, WebhookRoutesTest.fieldNames(delivery));
        assertTrue(delivery.get("id").asText().startsWith("msg_"));
        assertEquals("PATIENT_CREATED", delivery.get("type").asText());
        assertTrue(delivery.get("data").isObject());
        assertTrue(answer.body().contains("\"data\":{\"patientId\":42,\"name\":\"Ada\",\"tags\":[1.50,null]}"),
                "data is embedded as the JSON object it was, numbers exactly as written: " + answer.body());
        assertEquals(event.get("id"), delivery.get("alertId"));
        assertEquals(event.get("createdDate"), delivery.get("createdDate"));
        assertEquals(webhookId, delivery.get("webhookId").asText());
        assertEquals("PENDING", delivery.get("status").asText());
        assertEquals(0, delivery.get("attemptCount").asInt());
        assertTrue(delivery.get("deliveredDate").isNull());
        assertTrue(delivery.get("lastDeliveryAttemptDate").isNull());
        assertTrue(delivery.get("lastDeliveryAttemptStatus").isNull());
        assertTrue(delivery.get("lastDeliveryAttemptError").isNull());
        assertTrue(delivery.get("attempts").isArray());
        assertEquals(0, delivery.get("attempts").size());
    }

    @Test
    void getAnswersTheSameSummary() {
        api.event(acme, "{}");
        JsonNode listed = list("").json().get(0);

        Answer answer = api.call("GET", "/v1/webhook/events/" + listed.get("id").asText()).as(acme).send();

        assertEquals(200, answer.status());
        assertEquals(listed, answer.json());
    }

    @Test
    void sendDeliversNowAndRecordsTheAttempt() {
        api.event(acme, "{}");
        String id = list("").json().get(0).get("id").asText();

        Answer answer = api.call("POST", "/v1/webhook/events/" + id + "/send").as(acme).send();

        assertEquals(200, answer.status(), answer.body());
        JsonNode delivery = answer.json();
        assertEquals("DELIVERED", delivery.get("status").asText());
        assertEquals(200, delivery.get("lastDeliveryAttemptStatus").asInt());
        assertTrue(delivery.get("deliveredDate").isTextual());
        JsonNode attempt = delivery.get("attempts").get(0);
        assertEquals(List.of("number", "date", "status", "error", "durationMs", "responseBody"),
                WebhookRoutesTest.fieldNames(attempt));
        assertEquals(1, attempt.get("number").asInt());
        assertEquals(200, attempt.get("status").asInt());
        assertTrue(attempt.get("error").isNull());
        assertEquals(7, attempt.get("durationMs").asLong());
        assertEquals(delivery, api.call("GET", "/v1/webhook/events/" + id).as(acme).send().json());
    }

    @Test
    void sendByGetIs405AndSendsNothing() {
        api.event(acme, "{}");
        String id = list("").json().get(0).get("id").asText();

        Answer answer = api.call("GET", "/v1/webhook/events/" + id + "/send").as(acme).send();

        assertEquals(405, answer.status());
        assertEquals("{\"detail\":\"Method Not Allowed\"}", answer.body());
        assertEquals(0, list("").json().get(0).get("attemptCount").asInt(), "a GET must not send");
    }

    @Test
    void sendWithNotifyFailureEmailsTheOwnerWhenItFails() {
        api.event(acme, "{}");
        String id = list("").json().get(0).get("id").asText();
        api.receiverStatus.set(500);

        Answer quiet = api.call("POST", "/v1/webhook/events/" + id + "/send").as(acme).send();
        Answer notifying = api.call("POST", "/v1/webhook/events/" + id + "/send?notify_failure=true").as(acme).send();

        assertEquals(200, quiet.status(), quiet.body());
        assertEquals(200, notifying.status(), notifying.body());
        assertEquals(500, notifying.json().get("lastDeliveryAttemptStatus").asInt());
        assertEquals(2, notifying.json().get("attempts").size());
        assertEquals(1, api.notices.size());
    }

    @Test
    void repeatedNotifyingResendsAllAnswerButTheOwnerIsEmailedOnce() {
        api.event(acme, "{}");
        String id = list("").json().get(0).get("id").asText();
        api.receiverStatus.set(500);

        for (int i = 1; i <= 10; i++) {
            Answer answer = api.call("POST", "/v1/webhook/events/" + id + "/send?notify_failure=true").as(acme).send();

            assertEquals(200, answer.status(), answer.body());
            assertEquals(500, answer.json().get("lastDeliveryAttemptStatus").asInt());
            assertEquals(i, answer.json().get("attempts").size());
        }
        assertEquals(1, api.notices.size(), "one e-mail per webhook per 15 minutes, however often it is asked for");
    }

    @Test
    void listFiltersSortsAndPages() {
        api.event(acme, "{\"n\":1}");
        api.call("POST", "/v1/event/create").as(acme).body("{\"type\":\"INVOICE_SENT\",\"data\":{\"n\":2}}").send();
        api.event(acme, "{\"n\":3}");
        String delivered = list("?sort_direction=asc").json().get(0).get("id").asText();
        api.call("POST", "/v1/webhook/events/" + delivered + "/send").as(acme).send();

        assertEquals(3, list("").json().size());
        assertEquals(1, list("?event_type=INVOICE_SENT").json().size());
        assertEquals(1, list("?is_delivered=true").json().size());
        assertEquals(delivered, list("?is_delivered=true").json().get(0).get("id").asText());
        assertEquals(2, list("?is_delivered=false").json().size());
        assertEquals(1, list("?last_delivery_attempt_status=200").json().size());
        assertEquals(2, list("?limit=2").json().size());
        assertEquals(1, list("?limit=2&offset=2").json().size());
        assertEquals(0, list("?created_after=2999-01-01T00:00:00Z").json().size());
        assertEquals(3, list("?created_before=2999-01-01T00:00:00.000Z&created_after=2000-01-01T00:00:00%2B02:00")
                .json().size());
        assertEquals(3, list("?sort_by=delivered_date&sort_direction=desc").json().size());
        assertEquals(3, list("?sort_by=last_delivery_attempt_date").json().size());
        JsonNode ascending = list("?sort_by=created_date&sort_direction=asc").json();
        assertEquals(1, ascending.get(0).get("data").get("n").asInt());
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,1001", "limit,abc", "limit,1.5", "limit,", "limit,99999999999", "offset,-1",
            "offset,x", "is_delivered,yes", "is_delivered,1", "created_before,yesterday",
            "created_after,2026-13-01T00:00:00Z", "delivery_date_before,12:00", "delivery_date_after,2026-01-01",
            "sort_by,name", "sort_direction,up", "event_type,NOPE", "event_type,patient_created",
            "last_delivery_attempt_status,abc", "last_delivery_attempt_status,2.5"})
    void badQueryValuesAre422AtTheirParameter(String name, String value) {
        Answer answer = list("?" + name + "=" + (value == null ? "" : value));

        HostileInputTest.assertProblems(answer, "[\"query\",\"" + name + "\"]");
    }

    @Test
    void everyBadQueryValueIsReportedAtOnce() {
        Answer answer = list("?limit=0&offset=-1&is_delivered=maybe&sort_by=x");

        HostileInputTest.assertProblems(answer, "[\"query\",\"is_delivered\"]", "[\"query\",\"sort_by\"]",
                "[\"query\",\"limit\"]", "[\"query\",\"offset\"]");
    }

    @Test
    void badBooleanQueryValuesOfTheOtherRoutesAre422() {
        api.event(acme, "{}");
        String id = list("").json().get(0).get("id").asText();

        HostileInputTest.assertProblems(api.call("POST", "/v1/webhook/events/" + id + "/send?notify_failure=perhaps")
                .as(acme).send(), "[\"query\",\"notify_failure\"]");
        HostileInputTest.assertProblems(api.call("GET", "/v1/webhook/list?include_archived=2").as(acme).send(),
                "[\"query\",\"include_archived\"]");
        assertEquals(0, list("").json().get(0).get("attemptCount").asInt(), "a refused send sent nothing");
    }

    @Test
    void theHistoryOfADeletedWebhookStaysReadable() {
        api.event(acme, "{}");
        api.call("DELETE", "/v1/webhook/delete/" + webhookId).as(acme).send();

        JsonNode deliveries = list("").json();

        assertEquals(1, deliveries.size());
        assertEquals("CANCELLED", deliveries.get(0).get("status").asText());
    }

    private Answer list(String query) {
        return api.call("GET", "/v1/webhook/" + webhookId + "/delivery-attempts/list" + query).as(acme).send();
    }
}
