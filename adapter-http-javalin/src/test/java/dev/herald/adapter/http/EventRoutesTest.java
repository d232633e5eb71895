package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRoutesTest extends AcmeApiTest {

    @Test
    void publishAnswersTheEventAndHowManyDeliveriesItMade() {
        api.webhook(acme, "https://example.com/1");
        api.webhook(acme, "https://example.com/2");

        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":{\"patientId\":42}}").send();

        assertEquals(200, answer.status(), answer.body());
        JsonNode event = answer.json();
        assertEquals(List.of("id", "type", "createdDate", "deliveryCount"), WebhookRoutesTest.fieldNames(event));
        assertTrue(event.get("id").asText().startsWith("evt_"));
        assertEquals("PATIENT_CREATED", event.get("type").asText());
        assertEquals(2, event.get("deliveryCount").asInt());
    }

    @Test
    void theCorrectedSpellingIsAcceptedAndTheSeedSpellingWritten() {
        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"CALL_RECEIVED\",\"data\":{}}").send();

        assertEquals(200, answer.status(), answer.body());
        assertEquals("CALL_RECIEVED", answer.json().get("type").asText());
    }

    @Test
    void theSameKeyWithTheSameBodyAnswersTheFirstEventAndCreatesNothing() {
        api.webhook(acme, "https://example.com/1");
        String body = "{\"type\":\"PATIENT_CREATED\",\"data\":{\"a\":1,\"b\":[true,null]},\"id\":\"order-7\"}";

        JsonNode first = api.call("POST", "/v1/event/create").as(acme).body(body).send().json();
        // the same data written differently is the same body
        Answer again = api.call("POST", "/v1/event/create").as(acme)
                .body("{ \"id\": \"order-7\", \"data\": { \"a\" : 1, \"b\": [ true, null ] }, \"type\": \"PATIENT_CREATED\" }")
                .send();

        assertEquals(200, again.status(), again.body());
        assertEquals(first, again.json());
        assertEquals(1, api.eventStore.count());
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":{\"a\":1},\"id\":\"order-7\"}").send();

        Answer conflict = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":{\"a\":2},\"id\":\"order-7\"}").send();

        assertEquals(409, conflict.status());
        assertTrue(conflict.json().get("detail").isTextual());
        assertEquals(1, api.eventStore.count());
    }

    @Test
    void anUnknownEventTypeIs422AtType() {
        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_EXPLODED\",\"data\":{}}").send();

        HostileInputTest.assertProblems(answer, "[\"body\",\"type\"]");
        assertEquals(0, api.eventStore.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
    void dataMustBeAnObject(String data) {
        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":" + data + "}").send();

        HostileInputTest.assertProblems(answer, "[\"body\",\"data\"]");
    }

    @Test
    void everyProblemOfTheBodyIsReportedAtOnce() {
        Answer answer = api.call("POST", "/v1/event/create").as(acme).body("{\"type\":7,\"id\":[]}").send();

        HostileInputTest.assertProblems(answer, "[\"body\",\"type\"]", "[\"body\",\"data\"]", "[\"body\",\"id\"]");
    }

    @Test
    void anIdempotencyKeyOver255CharactersIs422() {
        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":{},\"id\":\"" + "k".repeat(256) + "\"}").send();

        HostileInputTest.assertProblems(answer, "[\"body\",\"id\"]");
    }

    @Test
    void eventsHaveTheirOwnLimitAboveTheOtherEndpoints() {
        String bigData = "{\"text\":\"" + "x".repeat(100_000) + "\"}";

        Answer answer = api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":" + bigData + "}").send();

        assertEquals(200, answer.status(), "100 KB is under the 256 KiB event limit");
    }

    @Test
    void aBodyOverTheEventLimitIs413ByContentLength() {
        Answer answer = api.call("POST", "/v1/event/create").as(acme).body(eventOfSize(300_000)).send();

        HostileInputTest.assertDetail(answer, 413);
        assertEquals(0, api.eventStore.count());
    }

    @Test
    void aChunkedBodyOverTheEventLimitIs413ByTheBytesRead() {
        byte[] body = eventOfSize(300_000).getBytes(StandardCharsets.UTF_8);

        Answer answer = api.call("POST", "/v1/event/create").as(acme).chunkedBody(body).send();

        HostileInputTest.assertDetail(answer, 413);
        assertEquals(0, api.eventStore.count());
    }

    @Test
    void theEventLimitIsConfigurable() {
        try (HttpApiFixture small = HttpApiFixture.start(
                HttpApiSettings.defaults().withAdminKey(HttpApiFixture.ADMIN_KEY).withMaxEventBytes(1_000))) {
            Tenant tenant = small.tenant("acme");

            Answer answer = small.call("POST", "/v1/event/create").as(tenant).body(eventOfSize(1_001)).send();

            HostileInputTest.assertDetail(answer, 413);
        }
    }

    /** A valid event body of exactly {@code size} bytes. */
    static String eventOfSize(int size) {
        String head = "{\"type\":\"PATIENT_CREATED\",\"data\":{\"pad\":\"";
        String tail = "\"}}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }
}
