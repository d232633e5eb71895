package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One tenant's storm of requests cannot starve the others' calls: each tenant has its own rate per node
 * (docs/API.md §9). The limiters run on real time, so no test counts on a burst fitting into one second: a burst goes
 * on until its first refusal, which must come after the whole second's worth was served.
 */
class TenantRateLimitApiTest {
    private static final int LIMIT = 5;
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String TOO_MANY_FOR_ACME =
            "{\"detail\":\"Too many requests for tenant acme: limit 5 per second\"}";

    private HttpApiFixture api;

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void aTenantOverItsRateIsRefusedWhileAnotherTenantIsServed() {
        api = HttpApiFixture.start(limited());
        Tenant acme = api.tenant("acme");
        Tenant globex = api.tenant("globex");

        Burst burst = burstUntilRefused(() -> listWebhooks(acme));

        assertTooManyForAcme(burst.refusal());
        for (int i = 0; i < LIMIT; i++) {
            Answer other = listWebhooks(globex);
            assertEquals(200, other.status(), "globex's request " + (i + 1) + ": " + other.body());
        }
    }

    @Test
    void aRefusedPublishStoresNothing() {
        api = HttpApiFixture.start(limited());
        Tenant acme = api.tenant("acme");

        Burst burst = burstUntilRefused(() -> api.call("POST", "/v1/event/create").as(acme)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":{\"patientId\":42}}").send());

        assertTooManyForAcme(burst.refusal());
        assertEquals(burst.served(), api.eventStore.count(), "only the events answered 200 are stored");
    }

    @Test
    void aRefusedTenantIsServedAgainOnceTheSecondHasPassed() {
        api = HttpApiFixture.start(limited());
        Tenant acme = api.tenant("acme");
        burstUntilRefused(() -> listWebhooks(acme));

        Answer answer = listWebhooks(acme);
        for (long deadline = deadline(); answer.status() == 429 && System.nanoTime() < deadline; ) {
            answer = listWebhooks(acme);
        }

        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void failedAuthenticationsDoNotCountAgainstTheTenant() {
        api = HttpApiFixture.start(limited());
        Tenant acme = api.tenant("acme");
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertEquals(401, api.call("GET", "/v1/webhook/list").header("TENANT", "acme")
                    .header("API-KEY", "hk_wrong").send().status());
        }

        assertTooManyForAcme(burstUntilRefused(() -> listWebhooks(acme)).refusal());
    }

    @Test
    void healthAndTheAdminApiAreNotLimited() {
        api = HttpApiFixture.start(limited());

        for (int i = 0; i < 3 * LIMIT; i++) {
            assertEquals(200, api.call("GET", "/health").send().status());
            assertEquals(200, api.call("POST", "/admin/v1/tenant/create").admin()
                    .body("{\"tenant\":\"tenant-" + i + "\"}").send().status());
        }
    }

    @Test
    void withZeroNothingIsLimited() {
        api = HttpApiFixture.start(HttpApiSettings.defaults().withAdminKey(HttpApiFixture.ADMIN_KEY)
                .withTenantRequestsPerSecond(0));
        Tenant acme = api.tenant("acme");

        for (int i = 0; i < 20 * LIMIT; i++) {
            Answer answer = listWebhooks(acme);
            assertEquals(200, answer.status(), "request " + (i + 1) + ": " + answer.body());
        }
    }

    private static HttpApiSettings limited() {
        return HttpApiSettings.defaults().withAdminKey(HttpApiFixture.ADMIN_KEY).withTenantRequestsPerSecond(LIMIT);
    }

    private Answer listWebhooks(Tenant tenant) {
        return api.call("GET", "/v1/webhook/list").as(tenant).send();
    }

    /**
     * Sends {@code request} until it is refused: at least one second's worth must be served first (more only if a
     * second passed meanwhile), and nothing but 200 or 429 may be answered.
     */
    private static Burst burstUntilRefused(Supplier<Answer> request) {
        int served = 0;
        for (long deadline = deadline(); System.nanoTime() < deadline; served++) {
            Answer answer = request.get();
            if (answer.status() == 429) {
                assertTrue(served >= LIMIT, "refused after " + served + " requests, below the limit of " + LIMIT);
                return new Burst(served, answer);
            }
            assertEquals(200, answer.status(), answer.body());
        }
        throw new AssertionError("never refused in " + DEADLINE + " (" + served + " requests served)");
    }

    private static long deadline() {
        return System.nanoTime() + DEADLINE.toNanos();
    }

    private static void assertTooManyForAcme(Answer answer) {
        assertEquals(429, answer.status(), answer.body());
        assertEquals(TOO_MANY_FOR_ACME, answer.body());
        assertEquals("application/json", answer.contentType());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(""));
        ResponseHeadersTest.assertStandardHeaders(answer);
    }

    private record Burst(int served, Answer refusal) {
    }
}
