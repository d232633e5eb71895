package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unexpected failures answer a bare 500, never their cause. */
class ErrorMappingTest {
    private static final String SECRET_CAUSE = "database password is hunter2";

    @Test
    void anUnexpectedRuntimeExceptionFromAPortIsABare500() {
        try (HttpApiFixture api = HttpApiFixture.start(ports -> new HttpApiPorts(new ExplodingWebhooks(),
                ports.events(), ports.deliveries(), ports.authentication(), ports.tenants(), () -> {
                    throw new IllegalStateException(SECRET_CAUSE);
                }))) {
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
                }))) {
            Answer answer = api.call("GET", "/health").send();

            assertEquals(500, answer.status());
            assertEquals("{\"detail\":\"Internal Server Error\"}", answer.body());
            ResponseHeadersTest.assertStandardHeaders(answer);
        }
    }

    /** Every call fails the way a broken dependency would. */
    static final class ExplodingWebhooks implements ForManagingWebhooks {
        @Override
        public Webhook create(TenantId tenant, CreateWebhook command) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public Webhook get(TenantId tenant, WebhookId id) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public Webhook update(TenantId tenant, WebhookId id, UpdateWebhook command) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public List<Webhook> list(TenantId tenant, boolean includeArchived) {
            throw new NullPointerException(SECRET_CAUSE);
        }

        @Override
        public void delete(TenantId tenant, WebhookId id) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public Webhook rotateSecret(TenantId tenant, WebhookId id, Duration grace) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public Webhook enable(TenantId tenant, WebhookId id) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public int recover(TenantId tenant, WebhookId id, Instant since) {
            throw new IllegalStateException(SECRET_CAUSE);
        }

        @Override
        public Map<WebhookId, EndpointStatus> health(TenantId tenant, List<WebhookId> ids) {
            throw new IllegalStateException(SECRET_CAUSE);
        }
    }
}
