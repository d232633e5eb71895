package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static dev.herald.adapter.http.HostileInputTest.assertDetail;
import static dev.herald.adapter.http.HostileInputTest.assertProblems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRoutesTest extends AcmeApiTest {
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Test
    void createAnswersTheSummaryWithExactlyTheContractFields() {
        Answer answer = api.call("POST", "/v1/webhook/create").as(acme).body("""
                {"url": "https://example.com/hook",
                 "subscriptions": ["PAYMENT_FAILED", "PATIENT_CREATED", "CALL_RECEIVED", "PATIENT_CREATED"],
                 "notificationEmail": "ops@example.com"}""").send();

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"));
        JsonNode webhook = answer.json();
        assertEquals(List.of("id", "url", "subscriptions", "notificationEmail", "secret", "createdDate",
                "updatedDate", "isArchived", "isDisabled", "disabledDate", "rateLimit", "headers", "health"),
                fieldNames(webhook),
                "the contract's fields, then Herald's");
        assertTrue(webhook.get("id").asText().startsWith("wh_"));
        assertEquals("https://example.com/hook", webhook.get("url").asText());
        // seed order and spelling, duplicates collapsed
        assertEquals("[\"PATIENT_CREATED\",\"PAYMENT_FAILED\",\"CALL_RECIEVED\"]", webhook.get("subscriptions").toString());
        assertEquals("ops@example.com", webhook.get("notificationEmail").asText());
        assertTrue(webhook.get("secret").asText().startsWith("whsec_"));
        assertTrue(webhook.get("createdDate").asText().matches(ISO_MILLIS));
        assertTrue(webhook.get("updatedDate").isNull());
        assertFalse(webhook.get("isArchived").asBoolean());
        assertEquals("{\"circuit\":\"closed\",\"consecutiveFailures\":0,\"failingSince\":null,\"lastError\":null}",
                webhook.get("health").toString(), "a new endpoint is healthy");
    }

    @Test
    void getAnswersTheSameWebhook() {
        JsonNode created = api.webhook(acme, "https://example.com/a");

        Answer answer = api.call("GET", "/v1/webhook/get/" + created.get("id").asText()).as(acme).send();

        assertEquals(200, answer.status());
        assertEquals(created, answer.json());
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndSetsUpdatedDate() {
        String id = api.call("POST", "/v1/webhook/create").as(acme).body("""
                {"url":"https://example.com/a","subscriptions":["PATIENT_CREATED"],"notificationEmail":"a@example.com"}""")
                .send().json().get("id").asText();

        JsonNode updated = api.call("PUT", "/v1/webhook/update/" + id).as(acme)
                .body("{\"url\":\"https://example.com/b\",\"subscriptions\":null}").send().json();

        assertEquals("https://example.com/b", updated.get("url").asText());
        assertEquals("[\"PATIENT_CREATED\"]", updated.get("subscriptions").toString());
        assertEquals("a@example.com", updated.get("notificationEmail").asText(), "omitted e-mail is unchanged");
        assertTrue(updated.get("updatedDate").asText().matches(ISO_MILLIS));
    }

    @Test
    void updateWithAnExplicitNullEmailClearsIt() {
        String id = api.call("POST", "/v1/webhook/create").as(acme).body("""
                {"url":"https://example.com/a","subscriptions":["PATIENT_CREATED"],"notificationEmail":"a@example.com"}""")
                .send().json().get("id").asText();

        Answer answer = api.call("PUT", "/v1/webhook/update/" + id).as(acme)
                .body("{\"notificationEmail\":null,\"subscriptions\":[\"INVOICE_SENT\"]}").send();

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().get("notificationEmail").isNull());
        assertEquals("[\"INVOICE_SENT\"]", answer.json().get("subscriptions").toString());
    }

    @Test
    void deleteAnswersTrueAndArchives() {
        String id = api.webhook(acme, "https://example.com/a").get("id").asText();

        Answer deleted = api.call("DELETE", "/v1/webhook/delete/" + id).as(acme).send();

        assertEquals(200, deleted.status());
        assertEquals("true", deleted.body());
        assertEquals(404, api.call("GET", "/v1/webhook/get/" + id).as(acme).send().status());
        assertEquals(404, api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{}").send().status());
        assertEquals(404, api.call("DELETE", "/v1/webhook/delete/" + id).as(acme).send().status());
        assertEquals("[]", api.call("GET", "/v1/webhook/list").as(acme).send().body());
        JsonNode archived = api.call("GET", "/v1/webhook/list?include_archived=true").as(acme).send().json();
        assertEquals(1, archived.size());
        assertTrue(archived.get(0).get("isArchived").asBoolean());
    }

    @Test
    void listIsABareArrayOldestFirst() {
        String first = api.webhook(acme, "https://example.com/1").get("id").asText();
        String second = api.webhook(acme, "https://example.com/2").get("id").asText();

        JsonNode list = api.call("GET", "/v1/webhook/list").as(acme).send().json();

        assertTrue(list.isArray());
        assertEquals(List.of(first, second), List.of(list.get(0).get("id").asText(), list.get(1).get("id").asText()));
    }

    @Test
    void rotateSecretGivesANewSecretWithOrWithoutABody() {
        JsonNode created = api.webhook(acme, "https://example.com/a");
        String id = created.get("id").asText();

        Answer withDefault = api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme).send();
        Answer withGrace = api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme)
                .body("{\"graceSeconds\": 0}").send();

        assertEquals(200, withDefault.status(), withDefault.body());
        assertEquals(200, withGrace.status(), withGrace.body());
        assertNotEquals(created.get("secret"), withDefault.json().get("secret"));
        assertNotEquals(withDefault.json().get("secret"), withGrace.json().get("secret"));
        assertTrue(withGrace.json().get("secret").asText().startsWith("whsec_"));
    }

    @Test
    void rotateSecretRefusesAGraceOverSevenDaysOrOfTheWrongType() {
        String id = api.webhook(acme, "https://example.com/a").get("id").asText();

        Answer tooLong = api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme)
                .body("{\"graceSeconds\": 604801}").send();
        Answer notInteger = api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme)
                .body("{\"graceSeconds\": 1.5}").send();
        Answer text = api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme)
                .body("{\"graceSeconds\": \"60\"}").send();

        assertEquals(422, tooLong.status());
        assertEquals("[\"body\",\"graceSeconds\"]", tooLong.json().get("detail").get(0).get("loc").toString());
        assertEquals(422, notInteger.status());
        assertEquals("type_error.integer", notInteger.json().get("detail").get(0).get("type").asText());
        assertEquals(422, text.status());
    }

    @Test
    void aTenantDisablesAWebhookThroughUpdateAndEnablesItAgain() {
        String id = api.webhook(acme, "https://example.com/a").get("id").asText();

        JsonNode disabled = api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{\"isDisabled\": true}")
                .send().json();
        assertTrue(disabled.get("isDisabled").asBoolean());
        assertTrue(disabled.get("disabledDate").asText().matches(ISO_MILLIS));
        api.event(acme, "{}");
        assertEquals(1, api.queue.queuedCount(), "the event is kept for the disabled webhook");

        Answer enabled = api.call("POST", "/v1/webhook/enable/" + id).as(acme).send();
        assertEquals(200, enabled.status(), enabled.body());
        assertFalse(enabled.json().get("isDisabled").asBoolean());
        assertTrue(enabled.json().get("disabledDate").isNull());
    }

    @Test
    void aRateLimitIsSetOnCreateChangedOrClearedOnUpdateAndRefusedOutOfRange() {
        JsonNode created = api.call("POST", "/v1/webhook/create").as(acme).body("""
                {"url":"https://example.com/a","subscriptions":["PATIENT_CREATED"],"rateLimit":5}""").send().json();
        assertEquals(5, created.get("rateLimit").asInt());
        String id = created.get("id").asText();

        assertEquals(7, api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{\"rateLimit\": 7}").send().json()
                .get("rateLimit").asInt());
        assertEquals(7, api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{}").send().json()
                .get("rateLimit").asInt(), "absent: unchanged");
        assertTrue(api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{\"rateLimit\": null}").send().json()
                .get("rateLimit").isNull(), "null: no limit");
        for (String bad : List.of("0", "10001", "1.5", "\"fast\"")) {
            assertProblems(api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{\"rateLimit\": " + bad + "}")
                    .send(), "[\"body\",\"rateLimit\"]");
        }
    }

    @Test
    void enableAndRecoverAnswer404ForAnotherTenantsWebhook() {
        String id = api.webhook(acme, "https://example.com/a").get("id").asText();
        Tenant other = api.tenant("globex");

        assertDetail(api.call("POST", "/v1/webhook/enable/" + id).as(other).send(), 404);
        assertDetail(api.call("POST", "/v1/webhook/recover/" + id).as(other)
                .body("{\"since\": \"2026-11-01T00:00:00Z\"}").send(), 404);
    }

    @Test
    void recoverAnswersHowManyAndRefusesAMissingOrMalformedSince() {
        String id = api.webhook(acme, "https://example.com/a").get("id").asText();

        Answer none = api.call("POST", "/v1/webhook/recover/" + id).as(acme)
                .body("{\"since\": \"2026-11-01T00:00:00Z\"}").send();
        assertEquals(200, none.status(), none.body());
        assertEquals("{\"recovered\":0}", none.body());
        assertProblems(api.call("POST", "/v1/webhook/recover/" + id).as(acme).body("{}").send(), "[\"body\",\"since\"]");
        Answer malformed = api.call("POST", "/v1/webhook/recover/" + id).as(acme).body("{\"since\": \"yesterday\"}")
                .send();
        assertProblems(malformed, "[\"body\",\"since\"]");
        assertEquals("value_error.datetime", malformed.json().get("detail").get(0).get("type").asText());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
