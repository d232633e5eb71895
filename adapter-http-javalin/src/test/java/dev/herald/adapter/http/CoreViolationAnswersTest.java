package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import dev.herald.domain.event.EventType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The core reports a field and a rule; the answers for them are FastAPI's, to the byte: {@code loc}, {@code msg} and
 * {@code type} of every rule the core checks, in body, query and admin requests.
 */
class CoreViolationAnswersTest {
    private static final String TYPES = Arrays.toString(EventType.values());

    @Test
    void webhookFieldsAnswerTheirLocationMessageAndType() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            Tenant acme = api.tenant("acme");

            assertAnswer(api.call("POST", "/v1/webhook/create").as(acme).body("{\"url\":\"ftp://x\","
                            + "\"subscriptions\":[\"PATIENT_CREATED\",\"NOPE\"],\"notificationEmail\":\"nope\"}").send(),
                    problem("[\"body\",\"url\"]", "url must be an absolute https URL", "value_error.url"),
                    problem("[\"body\",\"subscriptions\",1]", "unknown event type 'NOPE'; expected one of " + TYPES,
                            "type_error.enum"),
                    problem("[\"body\",\"notificationEmail\"]",
                            "notificationEmail must be a valid e-mail address of at most 254 characters",
                            "value_error.email"));
            assertAnswer(api.call("POST", "/v1/webhook/create").as(acme).body("{\"url\":\"https://example.com/"
                            + "a".repeat(2048) + "\",\"subscriptions\":[]}").send(),
                    problem("[\"body\",\"url\"]", "url must be at most 2048 characters",
                            "value_error.any_str.max_length"),
                    problem("[\"body\",\"subscriptions\"]", "subscriptions must name at least one event type",
                            "value_error.list.min_items"));
            String id = api.webhook(acme, "https://example.com/hook").get("id").asText();
            assertAnswer(api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme)
                            .body("{\"graceSeconds\":604801}").send(),
                    problem("[\"body\",\"graceSeconds\"]", "graceSeconds must be between 0 and 604800",
                            "value_error.number.not_in_range"));
        }
    }

    @Test
    void eventFieldsAnswerTheirLocationMessageAndType() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            Tenant acme = api.tenant("acme");

            assertAnswer(api.call("POST", "/v1/event/create").as(acme)
                            .body("{\"type\":\"NOPE\",\"data\":{},\"id\":\"\"}").send(),
                    problem("[\"body\",\"type\"]", "unknown event type 'NOPE'; expected one of " + TYPES,
                            "type_error.enum"),
                    problem("[\"body\",\"id\"]", "id must be 1 to 255 printable characters", "value_error.str"));
            assertAnswer(api.call("POST", "/v1/event/create").as(acme)
                            .body("{\"type\":\"PATIENT_CREATED\",\"data\":{},\"id\":\"" + "k".repeat(256) + "\"}").send(),
                    problem("[\"body\",\"id\"]", "id must be 1 to 255 printable characters",
                            "value_error.any_str.max_length"));
        }
    }

    @Test
    void queryValuesAnswerTheirLocationMessageAndType() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            Tenant acme = api.tenant("acme");
            String id = api.webhook(acme, "https://example.com/hook").get("id").asText();

            assertAnswer(api.call("GET", "/v1/webhook/" + id + "/delivery-attempts/list?event_type=NOPE&limit=0"
                            + "&offset=-1").as(acme).send(),
                    problem("[\"query\",\"event_type\"]", "unknown event type 'NOPE'; expected one of " + TYPES,
                            "type_error.enum"),
                    problem("[\"query\",\"limit\"]", "limit must be between 1 and 1000",
                            "value_error.number.not_in_range"),
                    problem("[\"query\",\"offset\"]", "offset must be 0 or more", "value_error.number.not_ge"));
        }
    }

    @Test
    void anImpossibleTenantNameAnswersItsLocationMessageAndType() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            assertAnswer(api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"Not A Name\"}").send(),
                    problem("[\"body\",\"tenant\"]",
                            "tenant must be 1-64 characters of a-z, 0-9, '-' or '_', starting with a letter or digit",
                            "value_error.tenant"));
        }
    }

    private static String problem(String loc, String msg, String type) {
        return "{\"loc\":" + loc + ",\"msg\":\"" + msg + "\",\"type\":\"" + type + "\"}";
    }

    private static void assertAnswer(Answer answer, String... problems) {
        assertEquals(422, answer.status(), answer.body());
        assertEquals("{\"detail\":[" + String.join(",", problems) + "]}", answer.body());
    }
}
