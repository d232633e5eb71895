package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API (docs/API.md §8.2; docs/DECISIONS.md). */
class AdminRoutesTest {
    @Test
    void createAnswersTheTenantAndAKeyThatWorks() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            Answer answer = api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"acme\"}").send();

            assertEquals(200, answer.status(), answer.body());
            assertEquals(List.of("tenant", "apiKey"), WebhookRoutesTest.fieldNames(answer.json()));
            assertEquals("acme", answer.json().get("tenant").asText());
            Tenant acme = new Tenant("acme", answer.json().get("apiKey").asText());
            assertEquals(200, api.call("GET", "/v1/webhook/list").as(acme).send().status());
        }
    }

    @Test
    void anExistingTenantIs409AndKeepsItsKey() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            Tenant acme = api.tenant("acme");

            Answer again = api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"acme\"}").send();

            HostileInputTest.assertDetail(again, 409);
            assertEquals(200, api.call("GET", "/v1/webhook/list").as(acme).send().status());
        }
    }

    @Test
    void rotateAnswersANewKey() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            Tenant acme = api.tenant("acme");

            Answer rotated = api.call("POST", "/admin/v1/tenant/acme/api-key/rotate").admin().send();

            assertEquals(200, rotated.status());
            assertEquals(List.of("tenant", "apiKey"), WebhookRoutesTest.fieldNames(rotated.json()));
            assertNotEquals(acme.apiKey(), rotated.json().get("apiKey").asText());
        }
    }

    @Test
    void rotatingAnUnknownOrImpossibleTenantIs404() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            for (String name : List.of("nobody", "NOT-A-NAME", "%20")) {
                Answer answer = api.call("POST", "/admin/v1/tenant/" + name + "/api-key/rotate").admin().send();

                assertEquals(404, answer.status(), name);
                assertEquals("{\"detail\":\"Tenant not found\"}", answer.body());
            }
        }
    }

    @Test
    void badTenantBodiesAre422() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            for (String body : List.of("{\"tenant\":\"Has Spaces\"}", "{\"tenant\":\"\"}", "{\"tenant\":5}", "{}",
                    "{\"tenant\":\"" + "a".repeat(65) + "\"}")) {
                HostileInputTest.assertProblems(api.call("POST", "/admin/v1/tenant/create").admin().body(body).send(),
                        "[\"body\",\"tenant\"]");
            }
            HostileInputTest.assertProblems(api.call("POST", "/admin/v1/tenant/create").admin().body("{").send(),
                    "[\"body\"]");
        }
    }

    @Test
    void aWrongOrMissingAdminKeyIs401AndCreatesNothing() {
        try (HttpApiFixture api = HttpApiFixture.start()) {
            for (String key : List.of("wrong", HttpApiFixture.ADMIN_KEY + "x", HttpApiFixture.ADMIN_KEY.substring(1), "")) {
                Answer create = api.call("POST", "/admin/v1/tenant/create").header("ADMIN-KEY", key)
                        .body("{\"tenant\":\"acme\"}").send();
                Answer rotate = api.call("POST", "/admin/v1/tenant/acme/api-key/rotate").header("ADMIN-KEY", key)
                        .send();

                HostileInputTest.assertDetail(create, 401);
                HostileInputTest.assertDetail(rotate, 401);
            }
            HostileInputTest.assertDetail(api.call("POST", "/admin/v1/tenant/create").body("{\"tenant\":\"acme\"}")
                    .send(), 401);
            // the name is still free: nothing was created
            assertEquals(200, api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"acme\"}")
                    .send().status());
        }
    }

    @Test
    void withoutAnAdminKeyEveryAdminRouteIs404() {
        try (HttpApiFixture api = HttpApiFixture.start(HttpApiSettings.defaults())) {
            for (Answer answer : List.of(
                    api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"acme\"}").send(),
                    api.call("POST", "/admin/v1/tenant/create").body("{\"tenant\":\"acme\"}").send(),
                    api.call("POST", "/admin/v1/tenant/acme/api-key/rotate").admin().send(),
                    api.call("GET", "/admin/v1/tenant/create").send())) {
                assertEquals(404, answer.status());
                assertEquals("{\"detail\":\"Not Found\"}", answer.body());
            }
        }
    }

    @Test
    void aBlankAdminKeyTurnsTheAdminApiOff() {
        assertTrue(new HttpApiSettings(java.util.Optional.of("  "), 1, 1, java.time.Duration.ofSeconds(1), 0).adminKey()
                .isEmpty());
    }
}
