package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Call;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TENANT and API-KEY (docs/API.md §2.1; docs/DECISIONS.md, identifiers and authentication): one 401 for every failure, and a tenant sees only its own things. */
class AuthenticationTest extends AcmeApiTest {
    private static final String UNAUTHORIZED = "{\"detail\":\"Invalid or missing TENANT or API-KEY header\"}";

    private Tenant globex;

    @BeforeEach
    void start() {
        globex = api.tenant("globex");
    }

    @Test
    void everyV1RouteAnswers401WithTheSameBodyWhateverIsWrong() {
        List<Function<Call, Call>> wrongCredentials = List.of(
                call -> call,
                call -> call.header("TENANT", "acme"),
                call -> call.header("API-KEY", acme.apiKey()),
                call -> call.header("TENANT", "acme").header("API-KEY", "hk_wrong"),
                call -> call.header("TENANT", "acme").header("API-KEY", globex.apiKey()),
                call -> call.header("TENANT", "nobody").header("API-KEY", acme.apiKey()),
                call -> call.header("TENANT", "NOT A NAME!").header("API-KEY", acme.apiKey()),
                call -> call.header("TENANT", "").header("API-KEY", ""));
        for (String[] route : v1Routes()) {
            api.authClock.advance(HeraldHttpApi.FAILURE_WINDOW); // a fresh window: this test is not about throttling
            for (Function<Call, Call> credentials : wrongCredentials) {
                Answer answer = credentials.apply(api.call(route[0], route[1])).body("{}").send();

                assertEquals(401, answer.status(), route[0] + " " + route[1]);
                assertEquals(UNAUTHORIZED, answer.body());
            }
        }
    }

    /** HEAD is GET without the body (RFC 9110 §9.3.2): it needs the same credentials. */
    @Test
    void headOnAGetRouteNeedsTheCredentialsToo() {
        String id = api.webhook(acme, "https://example.com/acme").get("id").asText();
        for (String path : List.of("/v1/webhook/list", "/v1/webhook/get/" + id, "/v1/event/list",
                "/v1/event-type/list", "/v1/webhook/" + id + "/delivery-attempts/list")) {
            assertEquals(401, api.call("HEAD", path).send().status(), "HEAD " + path);
            assertEquals(401, api.call("HEAD", path).header("TENANT", "acme").header("API-KEY", globex.apiKey())
                    .send().status(), "HEAD " + path + " with another tenant's key");
            Answer allowed = api.call("HEAD", path).as(acme).send();
            assertEquals(200, allowed.status(), "HEAD " + path + " with acme's key");
            assertEquals("", allowed.body());
        }
    }

    @Test
    void anotherTenantsIdsAnswer404ExactlyLikeMissingOnes() {
        String id = api.webhook(acme, "https://example.com/acme").get("id").asText();
        api.event(acme, "{}");
        String deliveryId = api.call("GET", "/v1/webhook/" + id + "/delivery-attempts/list").as(acme).send()
                .json().get(0).get("id").asText();

        for (String[] route : List.of(
                new String[] {"GET", "/v1/webhook/get/"}, new String[] {"PUT", "/v1/webhook/update/"},
                new String[] {"DELETE", "/v1/webhook/delete/"}, new String[] {"POST", "/v1/webhook/rotate-secret/"})) {
            Answer theirs = api.call(route[0], route[1] + id).as(globex).body("{}").send();
            Answer missing = api.call(route[0], route[1] + "wh_doesnotexist").as(globex).body("{}").send();

            assertEquals(404, theirs.status());
            assertEquals(missing.body(), theirs.body());
        }
        for (String[] route : List.of(new String[] {"GET", ""}, new String[] {"POST", "/send"})) {
            Answer theirs = api.call(route[0], "/v1/webhook/events/" + deliveryId + route[1]).as(globex).send();

            assertEquals(404, theirs.status());
            assertEquals("{\"detail\":\"Delivery not found\"}", theirs.body());
        }
        // nothing was changed or revealed: acme's webhook and delivery are as they were
        assertEquals(200, api.call("GET", "/v1/webhook/get/" + id).as(acme).send().status());
        assertEquals(0, api.call("GET", "/v1/webhook/events/" + deliveryId).as(acme).send().json()
                .get("attemptCount").asInt());
    }

    @Test
    void anotherTenantsDeliveryListIsNotFound() {
        String id = api.webhook(acme, "https://example.com/acme").get("id").asText();
        api.event(acme, "{}");

        Answer answer = api.call("GET", "/v1/webhook/" + id + "/delivery-attempts/list").as(globex).send();

        assertEquals(404, answer.status());
        assertEquals("{\"detail\":\"Webhook not found\"}", answer.body());
        assertEquals("[]", api.call("GET", "/v1/webhook/list").as(globex).send().body());
    }

    @Test
    void rotatingTheApiKeyStopsTheOldKeyAtOnceAndKeepsTheWebhooks() {
        String id = api.webhook(acme, "https://example.com/acme").get("id").asText();

        Answer rotated = api.call("POST", "/admin/v1/tenant/acme/api-key/rotate").admin().send();
        Tenant renewed = new Tenant("acme", rotated.json().get("apiKey").asText());

        assertEquals(200, rotated.status());
        assertEquals(401, api.call("GET", "/v1/webhook/list").as(acme).send().status());
        Answer list = api.call("GET", "/v1/webhook/list").as(renewed).send();
        assertEquals(200, list.status());
        assertEquals(id, list.json().get(0).get("id").asText());
    }

    static List<String[]> v1Routes() {
        return List.of(
                new String[] {"POST", "/v1/webhook/create"},
                new String[] {"GET", "/v1/webhook/get/wh_abc"},
                new String[] {"PUT", "/v1/webhook/update/wh_abc"},
                new String[] {"DELETE", "/v1/webhook/delete/wh_abc"},
                new String[] {"GET", "/v1/webhook/list"},
                new String[] {"POST", "/v1/webhook/rotate-secret/wh_abc"},
                new String[] {"POST", "/v1/event/create"},
                new String[] {"GET", "/v1/webhook/events/msg_abc"},
                new String[] {"POST", "/v1/webhook/events/msg_abc/send"},
                new String[] {"GET", "/v1/webhook/wh_abc/delivery-attempts/list"});
    }
}
