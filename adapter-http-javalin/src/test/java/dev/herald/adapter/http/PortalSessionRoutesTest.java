package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/portal/session}, bearer tokens on /v1 and the /portal page's headers (docs/API.md §2.4, §12). */
class PortalSessionRoutesTest {
    private static final String SESSION = "/v1/portal/session";
    private HttpApiFixture api;
    private Tenant acme;

    @BeforeEach
    void start() {
        api = HttpApiFixture.start();
        acme = api.tenant("acme");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String token(Tenant tenant, String body) {
        Answer answer = api.call("POST", SESSION).as(tenant).body(body).send();
        assertEquals(200, answer.status(), answer.body());
        return answer.json().get("token").asText();
    }

    @Test
    void aSessionLastsAnHourByDefaultAndItsLinkCarriesTheTokenInTheFragment() {
        Instant before = Instant.now();
        Answer answer = api.call("POST", SESSION).as(acme).send();

        assertEquals(200, answer.status(), answer.body());
        JsonNode session = answer.json();
        assertEquals(List.of("url", "token", "expiresAt"), WebhookRoutesTest.fieldNames(session));
        String token = session.get("token").asText();
        assertTrue(token.matches("hps_[A-Za-z0-9_-]{43}"), token);
        assertEquals("/portal#token=" + token, session.get("url").asText());
        Instant expiresAt = Instant.parse(session.get("expiresAt").asText());
        assertTrue(!expiresAt.isBefore(before.plusSeconds(3600).minusSeconds(1))
                && !expiresAt.isAfter(Instant.now().plusSeconds(3600)), expiresAt.toString());
    }

    @Test
    void theTokenStandsForItsTenantOnTheApi() {
        String webhook = api.webhook(acme, "https://example.com/acme").get("id").asText();
        String token = token(acme, "{\"expiresInSeconds\": 900}");

        Answer list = api.call("GET", "/v1/webhook/list").bearer(token).send();
        assertEquals(200, list.status(), list.body());
        assertEquals(webhook, list.json().get(0).get("id").asText());
        Answer created = api.call("POST", "/v1/webhook/create").bearer(token)
                .body("{\"url\":\"https://example.com/by-portal\",\"subscriptions\":[\"PATIENT_CREATED\"]}").send();
        assertEquals(200, created.status(), created.body());
        assertEquals(2, api.call("GET", "/v1/webhook/list").as(acme).send().json().size(), "the tenant's own");
    }

    @Test
    void anotherTenantsSessionSeesNoneOfItsWebhooks() {
        String webhook = api.webhook(acme, "https://example.com/acme").get("id").asText();
        String globex = token(api.tenant("globex"), "{}");

        assertEquals(0, api.call("GET", "/v1/webhook/list").bearer(globex).send().json().size());
        Answer foreign = api.call("GET", "/v1/webhook/get/" + webhook).bearer(globex).send();
        assertEquals(404, foreign.status());
        assertEquals("Webhook not found", foreign.json().get("detail").asText());
    }

    @Test
    void aSessionCannotOpenAnotherAndOpensNone() {
        String token = token(acme, "");
        int sessions = api.tenantStore.sessionCount();

        Answer answer = api.call("POST", SESSION).bearer(token).body("{\"expiresInSeconds\": 86400}").send();

        assertEquals(403, answer.status(), answer.body());
        assertEquals("A portal session cannot do this; use the TENANT and API-KEY headers",
                answer.json().get("detail").asText());
        assertEquals(sessions, api.tenantStore.sessionCount());
    }

    @Test
    void aTokenIsNoAdminKey() {
        String token = token(acme, "");
        assertEquals(401, api.call("POST", "/admin/v1/tenant/acme/api-key/rotate").bearer(token).send().status());
        assertEquals(200, api.call("GET", "/v1/webhook/list").as(acme).send().status(), "the key still works");
    }

    @Test
    void unknownBlankOrMisspeltTokensAreRefusedLikeABadKey() {
        for (String authorization : List.of("Bearer hps_nosuchtoken", "Bearer ", "Basic YWNtZTpzZWNyZXQ=", "hps_x")) {
            Answer answer = api.call("GET", "/v1/webhook/list").header("Authorization", authorization).send();
            assertEquals(401, answer.status(), authorization);
            assertEquals("Invalid or missing TENANT or API-KEY header", answer.json().get("detail").asText());
        }
        assertEquals(401, api.call("POST", SESSION).send().status(), "no credentials at all");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = token(acme, "{\"expiresInSeconds\": 1}");
        assertEquals(200, api.call("GET", "/v1/webhook/list").bearer(token).send().status());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            status = api.call("GET", "/v1/webhook/list").bearer(token).send().status();
        }
        assertEquals(401, status, "still accepted 10 s after it expired");
    }

    @Test
    void replacingTheApiKeyEndsTheTenantsSessions() {
        String token = token(acme, "");
        assertEquals(200, api.call("POST", "/admin/v1/tenant/acme/api-key/rotate").admin().send().status());
        assertEquals(401, api.call("GET", "/v1/webhook/list").bearer(token).send().status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"expiresInSeconds\": 0}       | expiresInSeconds | value_error.number.not_in_range",
        "{\"expiresInSeconds\": 86401}   | expiresInSeconds | value_error.number.not_in_range",
        "{\"expiresInSeconds\": -5}      | expiresInSeconds | value_error.number.not_in_range",
        "{\"expiresInSeconds\": \"1h\"}  | expiresInSeconds | type_error.integer",
        "{\"expiresInSeconds\": 1.5}     | expiresInSeconds | type_error.integer",
        "{\"expiresInSeconds\": 1e30}    | expiresInSeconds | type_error.integer",
        "[3600]                          |                  | type_error.dict",
    })
    void badBodiesAre422AtTheirFieldAndOpenNoSession(String body, String field, String type) {
        Answer answer = api.call("POST", SESSION).as(acme).body(body).send();

        assertEquals(422, answer.status(), answer.body());
        JsonNode problem = answer.json().get("detail").get(0);
        String expectedLoc = field == null ? "[\"body\"]" : "[\"body\",\"" + field + "\"]";
        assertEquals(expectedLoc, problem.get("loc").toString());
        assertEquals(type, problem.get("type").asText());
        assertEquals(0, api.tenantStore.sessionCount());
    }

    @Test
    void aBodyThatIsNotJsonIs422() {
        Answer answer = api.call("POST", SESSION).as(acme).body("expires=3600").send();
        assertEquals(422, answer.status(), answer.body());
        assertEquals(0, api.tenantStore.sessionCount());
    }

    @Test
    void thePortalIsFramedNowhereByDefault() {
        Answer page = api.call("GET", "/portal").send();

        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals(List.of("no-referrer"), page.headers().allValues("Referrer-Policy"));
        assertEquals(200, api.call("GET", "/portal/static/portal.js").send().status());
        assertEquals(404, api.call("GET", "/portal/static/nothing.js").send().status());
    }

    @Test
    void theFrameAncestorsFollowTheSetting() {
        try (HttpApiFixture framed = HttpApiFixture.start(HttpApiSettings.defaults()
                .withPortalFrameAncestors(List.of("https://app.example.com", "https://*.example.org:8443")))) {
            String policy = framed.call("GET", "/portal").send().headers()
                    .firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("; frame-ancestors https://app.example.com https://*.example.org:8443; "),
                    policy);
            assertTrue(framed.call("GET", "/v1/webhook/list").send().headers().firstValue("Content-Security-Policy")
                    .orElseThrow().contains("frame-ancestors 'none'"), "the API's answers are still framed nowhere");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"*", "'none'", "https://a.example; script-src *", "app.example.com",
        "javascript:alert(1)", "https://a.example/path", "'unsafe-inline'"})
    void aSourceThatIsNotAnOriginIsRefused(String origin) {
        HttpApiSettings settings = HttpApiSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> settings.withPortalFrameAncestors(List.of(origin)));
    }
}
