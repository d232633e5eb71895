package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Call;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys cannot be guessed at network speed: an address that failed too often is refused for a while, whatever it sends. */
class AuthenticationThrottleTest extends AcmeApiTest {
    private static final String TOO_MANY = "{\"detail\":\"Too many failed attempts; try again later\"}";

    @Test
    void afterTenWrongAdminKeysEvenTheRightOneIsRefusedUntilTheWindowEnds() {
        for (int i = 0; i < HeraldHttpApi.ADMIN_FAILURES_PER_WINDOW; i++) {
            assertEquals(401, createGlobex().header("ADMIN-KEY", "guess-" + i).send().status());
        }

        Answer refused = createGlobex().admin().send();

        assertTooMany(refused, 60);
        api.authClock.advance(Duration.ofSeconds(59));
        assertTooMany(createGlobex().admin().send(), 1);
        api.authClock.advance(Duration.ofSeconds(1));
        assertEquals(200, createGlobex().admin().send().status(), "nothing was created while refused");
    }

    @Test
    void aSuccessDoesNotClearTheCount() {
        for (int i = 1; i < HeraldHttpApi.ADMIN_FAILURES_PER_WINDOW; i++) {
            createGlobex().header("ADMIN-KEY", "guess-" + i).send();
        }
        assertEquals(200, createGlobex().admin().send().status());
        createGlobex().header("ADMIN-KEY", "one-guess-too-many").send();

        assertTooMany(createGlobex().admin().send(), 60);
    }

    @Test
    void afterFiftyWrongTenantCredentialsAnAddressIsRefusedButOthersAreNot() {
        for (int i = 0; i < HeraldHttpApi.TENANT_FAILURES_PER_WINDOW; i++) {
            Answer wrong = api.call("GET", "/v1/webhook/list").header("TENANT", "acme").header("API-KEY", "hk_" + i)
                    .send();
            assertEquals(401, wrong.status());
        }

        assertTooMany(api.call("GET", "/v1/webhook/list").as(acme).send(), 60);
        Answer fromElsewhere = api.raw(HttpApiFixture.loopback(2), "GET /v1/webhook/list HTTP/1.1\r\n"
                + "Host: localhost\r\nTENANT: acme\r\nAPI-KEY: " + acme.apiKey() + "\r\nConnection: close\r\n\r\n",
                new byte[0]);
        assertEquals(200, fromElsewhere.status(), fromElsewhere.body());
        assertEquals(200, api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"globex\"}").send()
                .status(), "the admin count is its own");

        api.authClock.advance(HeraldHttpApi.FAILURE_WINDOW);
        assertEquals(200, api.call("GET", "/v1/webhook/list").as(acme).send().status());
    }

    private Call createGlobex() {
        return api.call("POST", "/admin/v1/tenant/create").body("{\"tenant\":\"globex\"}");
    }

    private static void assertTooMany(Answer answer, int retryAfterSeconds) {
        assertEquals(429, answer.status());
        assertEquals(TOO_MANY, answer.body());
        assertEquals("application/json", answer.contentType());
        assertEquals(String.valueOf(retryAfterSeconds), answer.headers().firstValue("Retry-After").orElse(""));
        ResponseHeadersTest.assertStandardHeaders(answer);
    }
}
