package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import dev.herald.domain.UnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real answers, through real HTTP, are what openapi.json says (docs/API.md §10): each route's happy path and its main
 * errors, each answer's status listed for its operation and its body valid against that status's schema. The last
 * test checks that every documented operation was seen answering 2xx, so a route added to the document needs a happy
 * path here too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiResponsesTest {
    private static final OpenApiContract CONTRACT = new OpenApiContract();
    private static final String WEBHOOK = "/v1/webhook/get/{webhook_id}";
    private static final String CREATE = "/v1/webhook/create";
    private static final String BODY = "{\"url\":\"https://example.com/hook\",\"subscriptions\":[\"PATIENT_CREATED\"]}";
    private static HttpApiFixture api;

    private Tenant tenant;
    private String webhookId;

    @BeforeAll
    static void startApi() {
        api = HttpApiFixture.start();
    }

    @AfterAll
    static void closeApi() {
        api.close();
    }

    /** Each test that calls /v1 has a tenant of its own with one webhook, subscribed to PATIENT_CREATED. */
    private void tenantWithAWebhook() {
        tenant = api.tenant("t" + System.nanoTime());
        webhookId = api.webhook(tenant, "https://example.com/hook").get("id").asText();
    }

    @Test
    @Order(1)
    void webhookRoutes() {
        tenantWithAWebhook();
        check("POST", CREATE, api.call("POST", CREATE).as(tenant).body(
                "{\"url\":\"https://example.com/a\",\"subscriptions\":[\"CALL_RECEIVED\",\"INVOICE_SENT\"],"
                        + "\"notificationEmail\":\"ops@example.com\",\"rateLimit\":5,"
                        + "\"headers\":{\"Authorization\":\"Bearer 9c1f\"}}"), 200);
        check("POST", CREATE, api.call("POST", CREATE).body(BODY), 401);
        check("POST", CREATE, api.call("POST", CREATE).as(tenant).body("{\"url\":\"ftp://x\",\"subscriptions\":[]}"),
                422);
        check("POST", CREATE, api.call("POST", CREATE).as(tenant).body("not json"), 422);
        check("POST", CREATE, api.call("POST", CREATE).as(tenant)
                .body("{\"url\":\"" + "x".repeat(70_000) + "\"}"), 413);

        check("GET", WEBHOOK, api.call("GET", "/v1/webhook/get/" + webhookId).as(tenant), 200);
        check("GET", WEBHOOK, api.call("GET", "/v1/webhook/get/wh_doesnotexist").as(tenant), 404);

        String update = "/v1/webhook/update/{webhook_id}";
        check("PUT", update, api.call("PUT", "/v1/webhook/update/" + webhookId).as(tenant)
                .body("{\"isDisabled\":true,\"notificationEmail\":null,\"rateLimit\":10,\"headers\":null}"), 200);
        check("PUT", update, api.call("PUT", "/v1/webhook/update/" + webhookId).as(tenant)
                .body("{\"headers\":{\"X-Api-Key\":\"k1\",\"Host\":\"evil.example\"}}"), 422);
        check("PUT", update, api.call("PUT", "/v1/webhook/update/" + webhookId).as(tenant)
                .body("{\"subscriptions\":[\"NOPE\"],\"url\":7}"), 422);

        String list = "/v1/webhook/list";
        check("GET", list, api.call("GET", list).as(tenant), 200);
        check("GET", list, api.call("GET", list + "?include_archived=maybe").as(tenant), 422);
        Answer firstPage = checkPaged(list, api.call("GET", list + "?limit=1").as(tenant));
        check("GET", list, api.call("GET", nextPage(firstPage)).as(tenant), 200);
        check("GET", list, api.call("GET", list + "?limit=0&cursor=not-a-cursor").as(tenant), 422);

        String rotate = "/v1/webhook/rotate-secret/{webhook_id}";
        check("POST", rotate, api.call("POST", "/v1/webhook/rotate-secret/" + webhookId).as(tenant), 200);
        check("POST", rotate, api.call("POST", "/v1/webhook/rotate-secret/" + webhookId).as(tenant)
                .body("{\"graceSeconds\":3600}"), 200);
        check("POST", rotate, api.call("POST", "/v1/webhook/rotate-secret/" + webhookId).as(tenant)
                .body("{\"graceSeconds\":-1}"), 422);

        String enable = "/v1/webhook/enable/{webhook_id}";
        check("POST", enable, api.call("POST", "/v1/webhook/enable/" + webhookId).as(tenant), 200);
        check("POST", enable, api.call("POST", "/v1/webhook/enable/wh_doesnotexist").as(tenant), 404);

        String recover = "/v1/webhook/recover/{webhook_id}";
        check("POST", recover, api.call("POST", "/v1/webhook/recover/" + webhookId).as(tenant)
                .body("{\"since\":\"2026-01-01T00:00:00Z\"}"), 200);
        check("POST", recover, api.call("POST", "/v1/webhook/recover/" + webhookId).as(tenant).body("{}"), 422);

        String delete = "/v1/webhook/delete/{webhook_id}";
        check("DELETE", delete, api.call("DELETE", "/v1/webhook/delete/" + webhookId).as(tenant), 200);
        check("DELETE", delete, api.call("DELETE", "/v1/webhook/delete/" + webhookId).as(tenant), 404);
        check("GET", list, api.call("GET", list + "?include_archived=TRUE").as(tenant), 200);
    }

    @Test
    @Order(2)
    void eventAndDeliveryRoutes() {
        tenantWithAWebhook();
        String publish = "/v1/event/create";
        String event = "{\"type\":\"PATIENT_CREATED\",\"data\":{\"patientId\":42},\"id\":\"order-42\"}";
        check("POST", publish, api.call("POST", publish).as(tenant).body(event), 200);
        check("POST", publish, api.call("POST", publish).as(tenant)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":{\"patientId\":43},\"id\":\"order-42\"}"), 409);
        check("POST", publish, api.call("POST", publish).as(tenant).body("{\"type\":\"nope\",\"data\":[]}"), 422);

        String list = "/v1/webhook/{webhook_id}/delivery-attempts/list";
        String listPath = "/v1/webhook/" + webhookId + "/delivery-attempts/list";
        Answer listed = check("GET", list, api.call("GET", listPath).as(tenant), 200);
        String deliveryId = listed.json().get(0).get("id").asText();

        String send = "/v1/webhook/events/{webhook_delivery_attempt_id}/send";
        api.receiverStatus.set(503);
        check("POST", send, api.call("POST", "/v1/webhook/events/" + deliveryId + "/send").as(tenant), 200);
        api.receiverStatus.set(200);
        check("POST", send, api.call("POST", "/v1/webhook/events/" + deliveryId + "/send?notify_failure=true")
                .as(tenant), 200);
        check("POST", send, api.call("POST", "/v1/webhook/events/" + deliveryId + "/send?notify_failure=2")
                .as(tenant), 422);
        check("POST", send, api.call("POST", "/v1/webhook/events/msg_doesnotexist/send").as(tenant), 404);

        String get = "/v1/webhook/events/{webhook_delivery_attempt_id}";
        check("GET", get, api.call("GET", "/v1/webhook/events/" + deliveryId).as(tenant), 200);
        check("GET", get, api.call("GET", "/v1/webhook/events/msg_doesnotexist").as(tenant), 404);
        check("GET", get, api.call("GET", "/v1/webhook/events/" + deliveryId), 401);

        check("GET", list, api.call("GET", listPath + "?event_type=CALL_RECEIVED&is_delivered=true"
                + "&created_after=2026-01-01T00:00:00Z&sort_by=DELIVERED_DATE&sort_direction=asc&limit=5&offset=0")
                .as(tenant), 200);
        check("GET", list, api.call("GET", listPath + "?limit=0&sort_by=size&created_before=yesterday")
                .as(tenant), 422);
        check("GET", list, api.call("GET", "/v1/webhook/wh_doesnotexist/delivery-attempts/list").as(tenant), 404);

        api.event(tenant, "{\"patientId\":44}");
        Answer firstPage = checkPaged(list, api.call("GET", listPath + "?limit=1").as(tenant));
        check("GET", list, api.call("GET", nextPage(firstPage)).as(tenant), 200);
        check("GET", list, api.call("GET", listPath + "?cursor=" + firstPage.headers()
                .firstValue(ListCursor.NEXT_CURSOR_HEADER).orElseThrow() + "&offset=1").as(tenant), 422);
    }

    @Test
    @Order(3)
    void eventTypeAndEventHistoryRoutes() {
        tenantWithAWebhook();
        String catalog = "/v1/event-type/list";
        check("GET", catalog, api.call("GET", catalog).as(tenant), 200);
        check("GET", catalog, api.call("GET", catalog), 401);

        String example = "/v1/webhook/send-example/{webhook_id}";
        String examplePath = "/v1/webhook/send-example/" + webhookId;
        check("POST", example, api.call("POST", examplePath).as(tenant).body("{\"eventType\":\"CALL_RECEIVED\"}"),
                200);
        check("POST", example, api.call("POST", examplePath).as(tenant).body("{\"eventType\":\"NOPE\"}"), 422);
        check("POST", example, api.call("POST", "/v1/webhook/send-example/wh_doesnotexist").as(tenant)
                .body("{\"eventType\":\"PATIENT_CREATED\"}"), 404);
        check("POST", example, api.call("POST", examplePath).as(tenant)
                .body("{\"eventType\":\"" + "x".repeat(70_000) + "\"}"), 413);
        api.call("PUT", "/v1/webhook/update/" + webhookId).as(tenant).body("{\"isDisabled\":true}").send();
        check("POST", example, api.call("POST", examplePath).as(tenant).body("{\"eventType\":\"PATIENT_CREATED\"}"),
                409);

        String list = "/v1/event/list";
        api.event(tenant, "{\"patientId\":1}");
        api.event(tenant, "{\"patientId\":2}");
        Answer firstPage = checkPaged(list, api.call("GET", list + "?limit=1").as(tenant));
        check("GET", list, api.call("GET", nextPage(firstPage)).as(tenant), 200);
        check("GET", list, api.call("GET", list + "?event_type=PATIENT_CREATED&created_after=2026-01-01T00:00:00Z"
                + "&created_before=2999-01-01T00:00:00Z&sort_direction=ASC&limit=1000").as(tenant), 200);
        check("GET", list, api.call("GET", list + "?offset=5").as(tenant), 422);
        check("GET", list, api.call("GET", list + "?cursor=not-a-cursor&limit=0").as(tenant), 422);
        check("GET", list, api.call("GET", list), 401);

        String get = "/v1/event/get/{event_id}";
        String eventId = firstPage.json().get(0).get("id").asText();
        Answer event = check("GET", get, api.call("GET", "/v1/event/get/" + eventId).as(tenant), 200);
        assertFalse(event.json().get("deliveries").isEmpty(), "the event's delivery, held by the disabled webhook");
        check("GET", get, api.call("GET", "/v1/event/get/evt_doesnotexist").as(tenant), 404);
    }

    @Test
    @Order(4)
    void adminRoutes() {
        String create = "/admin/v1/tenant/create";
        check("POST", create, api.call("POST", create).admin().body("{\"tenant\":\"globex\"}"), 200);
        check("POST", create, api.call("POST", create).admin().body("{\"tenant\":\"globex\"}"), 409);
        check("POST", create, api.call("POST", create).admin().body("{\"tenant\":\"Not A Name\"}"), 422);
        check("POST", create, api.call("POST", create).admin().body("{\"tenant\":\"" + "a".repeat(70_000) + "\"}"),
                413);

        String rotate = "/admin/v1/tenant/{tenant}/api-key/rotate";
        check("POST", rotate, api.call("POST", "/admin/v1/tenant/globex/api-key/rotate").admin(), 200);
        check("POST", rotate, api.call("POST", "/admin/v1/tenant/nobody/api-key/rotate").admin(), 404);
        check("POST", rotate, api.call("POST", "/admin/v1/tenant/globex/api-key/rotate")
                .header("ADMIN-KEY", "wrong-key-0123456789-abcdef"), 401);
    }

    /** A portal session (docs/API.md §2.4): opened by the key, refused to its own token, and good on the /v1 routes. */
    @Test
    @Order(4)
    void portalSessionRoutes() {
        tenantWithAWebhook();
        String session = "/v1/portal/session";
        Answer opened = check("POST", session, api.call("POST", session).as(tenant), 200);
        String token = opened.json().get("token").asText();
        check("POST", session, api.call("POST", session).as(tenant).body("{\"expiresInSeconds\":60}"), 200);
        check("POST", session, api.call("POST", session).bearer(token), 403);
        check("POST", session, api.call("POST", session).bearer("hps_unknown"), 401);
        check("POST", session, api.call("POST", session).as(tenant).body("{\"expiresInSeconds\":0}"), 422);
        check("POST", session, api.call("POST", session).as(tenant)
                .body("{\"x\":\"" + "x".repeat(70_000) + "\"}"), 413);
        check("GET", "/v1/webhook/list", api.call("GET", "/v1/webhook/list").bearer(token), 200);
        check("GET", WEBHOOK, api.call("GET", "/v1/webhook/get/" + webhookId).bearer(token), 200);
        check("GET", "/portal", api.call("GET", "/portal"), 200);
    }

    /** Failed admin keys are throttled per address (docs/API.md §2.3): 429 with Retry-After, on a server of its own. */
    @Test
    @Order(5)
    void tooManyFailedAdminKeys() {
        try (HttpApiFixture throttled = HttpApiFixture.start()) {
            String rotate = "/admin/v1/tenant/{tenant}/api-key/rotate";
            for (int failure = 0; failure < HeraldHttpApi.ADMIN_FAILURES_PER_WINDOW; failure++) {
                check("POST", rotate, throttled.call("POST", "/admin/v1/tenant/acme/api-key/rotate")
                        .header("ADMIN-KEY", "wrong-key-0123456789-abcdef"), 401);
            }
            check("POST", rotate, throttled.call("POST", "/admin/v1/tenant/acme/api-key/rotate").admin(), 429);
        }
    }

    @Test
    @Order(6)
    void serverRoutes() {
        check("GET", "/health", api.call("GET", "/health"), 200);
        api.database.setUp(false);
        try {
            check("GET", "/health", api.call("GET", "/health"), 503);
        } finally {
            api.database.setUp(true);
        }
        check("GET", "/openapi.json", api.call("GET", "/openapi.json"), 200);
        check("GET", "/docs", api.call("GET", "/docs"), 200);
        check("GET", "/", api.call("GET", "/"), 200);
        check("GET", "/", api.call("GET", "/").header("Accept", "text/html,application/xhtml+xml"), 200);
    }

    /** The tenant request rate of docs/API.md §9 answers 429 with Retry-After on any /v1 route. */
    @Test
    @Order(7)
    void aTenantOverItsRate() {
        try (HttpApiFixture limited = HttpApiFixture.start(HttpApiSettings.defaults()
                .withAdminKey(HttpApiFixture.ADMIN_KEY).withTenantRequestsPerSecond(1))) {
            Tenant acme = limited.tenant("acme");
            Answer answer = null;
            for (int i = 0; i < 10 && (answer == null || answer.status() != 429); i++) {
                answer = limited.call("GET", "/v1/webhook/list").as(acme).send();
            }
            assertEquals(429, answer.status(), answer.toString());
            CONTRACT.assertDescribes("GET", "/v1/webhook/list", answer);
        }
    }

    /** An unexpected failure inside Herald is a bare 500 (docs/API.md §3), on a server whose ports fail. */
    @Test
    @Order(8)
    void unexpectedFailures() {
        try (HttpApiFixture failing = HttpApiFixture.start(ports -> new HttpApiPorts(
                new ErrorMappingTest.ExplodingWebhooks(() -> new IllegalStateException("the webhook store broke")),
                ports.events(), ports.deliveries(), ports.authentication(), ports.tenants(), () -> {
                    throw new IllegalStateException("the database probe broke");
                }, ports.eventTypes()))) {
            Tenant acme = failing.tenant("acme");
            check("GET", "/v1/webhook/list", failing.call("GET", "/v1/webhook/list").as(acme), 500);
            check("POST", CREATE, failing.call("POST", CREATE).as(acme).body(BODY), 500);
            check("GET", "/health", failing.call("GET", "/health"), 500);
        }
    }

    /**
     * A database that gives no connection in time is a 503 with Retry-After (docs/API.md §3), on a server whose
     * webhook port says so.
     */
    @Test
    @Order(9)
    void aDatabaseOutOfReach() {
        try (HttpApiFixture unavailable = HttpApiFixture.start(ports -> new HttpApiPorts(
                new ErrorMappingTest.ExplodingWebhooks(() -> new UnavailableException(
                        "Herald's database is unavailable or overloaded; retry later",
                        new IllegalStateException("no connection within 5 s"))),
                ports.events(), ports.deliveries(), ports.authentication(), ports.tenants(), ports.health(),
                ports.eventTypes()))) {
            Tenant acme = unavailable.tenant("acme");
            check("GET", "/v1/webhook/list", unavailable.call("GET", "/v1/webhook/list").as(acme), 503);
            check("POST", CREATE, unavailable.call("POST", CREATE).as(acme).body(BODY), 503);
        }
    }

    @Test
    @Order(10)
    void everyDocumentedOperationWasSeenAnsweringSuccessfully() {
        assertEquals(CONTRACT.operations(), CONTRACT.answeredOperations(),
                "operations of openapi.json without a happy path in this test");
    }

    /**
     * A first page of a paged list (docs/API.md §10): it announces the next one, and its headers are held to the
     * document with its body.
     */
    private static Answer checkPaged(String pathTemplate, HttpApiFixture.Call call) {
        Answer answer = check("GET", pathTemplate, call, 200);
        assertTrue(answer.headers().firstValue(ListCursor.NEXT_CURSOR_HEADER).isPresent(), "no next page: " + answer);
        assertTrue(answer.headers().firstValue("Link").isPresent(), "no Link to the next page: " + answer);
        return answer;
    }

    /** The path and query of the {@code Link: <…>; rel="next"} of {@code page}. */
    private static String nextPage(Answer page) {
        String link = page.headers().firstValue("Link").orElseThrow();
        return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    }

    private static Answer check(String method, String pathTemplate, HttpApiFixture.Call call, int expectedStatus) {
        Answer answer = call.send();
        assertEquals(expectedStatus, answer.status(), method + " " + pathTemplate + ": " + answer);
        CONTRACT.assertDescribes(method, pathTemplate, answer);
        return answer;
    }
}
