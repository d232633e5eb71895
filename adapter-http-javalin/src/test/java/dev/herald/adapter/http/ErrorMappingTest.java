package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.domain.UnavailableException;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Unexpected failures answer a bare 500, never their cause; a database out of reach answers 503. */
class ErrorMappingTest {
    private static final String SECRET_CAUSE = "database password is hunter2";

    @Test
    void anUnexpectedRuntimeExceptionFromAPortIsABare500() {
        try (HttpApiFixture api = HttpApiFixture.start(ports -> new HttpApiPorts(
                new ExplodingWebhooks(() -> new IllegalStateException(SECRET_CAUSE)), ports.events(), ports.deliveries(),
                ports.authentication(), ports.tenants(), () -> {
                    throw new IllegalStateException(SECRET_CAUSE);
                }, ports.eventTypes()))) {
            Tenant acme = api.tenant("acme");

            for (Answer answer : List.of(
                    api.call("GET", "/v1/webhook/list").as(acme).send(),
                    api.call("POST", "/v1/webhook/create").as(acme)
                            .body("{\"url\":\"https://example.com\",\"subscriptions\":[\"PATIENT_CREATED\"]}").send(),
                    api.call("GET", "/health").send())) {
                assertEquals(500, answer.status());
                assertEquals("{\"detail\":\"Internal Server Error\"}", answer.body());
                assertTrue(answer.contentType().startsWith("application/json"));
                ResponseHeadersTest.assertStandardHeaders(answer);
            }
        }
    }

    @Test
    void anErrorFromAPortIsABare500Too() {
        try (HttpApiFixture api = HttpApiFixture.start(ports -> new HttpApiPorts(ports.webhooks(), ports.events(),
                ports.deliveries(), ports.authentication(), ports.tenants(), () -> {
                    throw new StackOverflowError(SECRET_CAUSE);
                }, ports.eventTypes()))) {
            Answer answer = api.call("GET", "/health").send();

            assertEquals(500, answer.status());
            assertEquals("{\"detail\":\"Internal Server Error\"}", answer.body());
            ResponseHeadersTest.assertStandardHeaders(answer);
        }
    }

    @Test
    void aDatabaseWithNoConnectionInTimeIsA503WithRetryAfter() {
        try (HttpApiFixture api = HttpApiFixture.start(ports -> new HttpApiPorts(new ExplodingWebhooks(
                () -> new UnavailableException("Herald's database is unavailable or overloaded; retry later",
                        new IllegalStateException(SECRET_CAUSE))),
                ports.events(), ports.deliveries(), ports.authentication(), ports.tenants(), ports.health(),
                ports.eventTypes()))) {
            Tenant acme = api.tenant("acme");

            for (Answer answer : List.of(
                    api.call("GET", "/v1/webhook/list").as(acme).send(),
                    api.call("POST", "/v1/webhook/create").as(acme)
                            .body("{\"url\":\"https://example.com\",\"subscriptions\":[\"PATIENT_CREATED\"]}").send())) {
                assertEquals(503, answer.status());
                assertEquals("{\"detail\":\"Herald's database is unavailable or overloaded; retry later\"}",
                        answer.body());
                assertEquals("2", answer.headers().firstValue("Retry-After").orElseThrow());
                ResponseHeadersTest.assertStandardHeaders(answer);
            }
        }
    }

    /** Every call fails the way a broken dependency would. */
    static final class ExplodingWebhooks implements ForManagingWebhooks {
        private final Supplier<RuntimeException> failure;

        ExplodingWebhooks(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }

        @Override
        public Webhook create(TenantId tenant, CreateWebhook command) {
            throw failure.get();
        }

        @Override
        public Webhook get(TenantId tenant, WebhookId id) {
            throw failure.get();
        }

        @Override
        public Webhook update(TenantId tenant, WebhookId id, UpdateWebhook command) {
            throw failure.get();
        }

        @Override
        public List<Webhook> list(TenantId tenant, boolean includeArchived) {
            throw failure.get();
        }

        @Override
        public dev.herald.domain.Page<Webhook> page(TenantId tenant, boolean includeArchived, int limit,
                                                    java.util.Optional<dev.herald.domain.ListPosition> after) {
            throw new NullPointerException(SECRET_CAUSE);
        }

        @Override
        public void delete(TenantId tenant, WebhookId id) {
            throw failure.get();
        }

        @Override
        public Webhook rotateSecret(TenantId tenant, WebhookId id, Duration grace) {
            throw failure.get();
        }

        @Override
        public Webhook enable(TenantId tenant, WebhookId id) {
            throw failure.get();
        }

        @Override
        public int recover(TenantId tenant, WebhookId id, Instant since) {
            throw failure.get();
        }

        @Override
        public Map<WebhookId, EndpointStatus> health(TenantId tenant, List<WebhookId> ids) {
            throw failure.get();
        }
    }
}
