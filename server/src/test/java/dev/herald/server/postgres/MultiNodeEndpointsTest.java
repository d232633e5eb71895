package dev.herald.server.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.config.DispatcherSettings;
import dev.herald.application.config.HeraldSettings;
import dev.herald.application.port.in.ForAdministeringTenants.TenantCredentials;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForManagingWebhooks.UpdateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.endpoint.CircuitState;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.server.support.TestReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes on one PostgreSQL database hold each endpoint to one circuit and one disabled state (docs/API.md §6.8):
 * a failing endpoint is not hammered three times over, and a webhook disabled through one node is held on all.
 * Each scenario publishes to a healthy marker webhook too, so "nothing was sent" is checked once the marker shows the
 * nodes have worked through the same events, never after a fixed wait.
 */
class MultiNodeEndpointsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int EVENTS = 30;
    private static final int FAILURES_TO_OPEN = 3;
    private static final int CONCURRENCY = 4;
    private static final DispatcherSettings NODE = new DispatcherSettings(10, 20, Duration.ofMillis(50),
            HeraldSettings.DEFAULT_DELIVERY_LEASE, new EndpointLimits(CONCURRENCY,
            new CircuitBreaker(FAILURES_TO_OPEN, Duration.ofMinutes(10), Duration.ofMinutes(10)), Duration.ZERO));

    private PostgresSchema schema;
    private HeraldTables tables;
    private TestReceiver failing;
    private TestReceiver marker;

    @BeforeEach
    void freshSchemaAndReceivers() throws Exception {
        schema = PostgresSchema.create();
        tables = new HeraldTables(schema);
        failing = new TestReceiver();
        failing.answer(request -> 503);
        marker = new TestReceiver();
    }

    @AfterEach
    void dropSchema() {
        failing.close();
        marker.close();
        schema.close();
    }

    private record Setup(TenantCredentials tenant, WebhookId watched) {
    }

    private Setup tenantWithWatchedAndMarkerWebhooks(InProcessNode node) {
        TenantCredentials tenant = node.herald().tenants().createTenant("acme");
        WebhookId watched = node.herald().webhooks().create(tenant.tenant(), new CreateWebhook(failing.url("/watched"),
                List.of(SubscribedTenants.EVENT_TYPE), null)).id();
        node.herald().webhooks().create(tenant.tenant(), new CreateWebhook(marker.url("/marker"),
                List.of(SubscribedTenants.EVENT_TYPE), null));
        return new Setup(tenant, watched);
    }

    private static void publish(InProcessNode node, Setup setup, int count) {
        for (int i = 0; i < count; i++) {
            node.herald().events().publish(setup.tenant().tenant(),
                    PublishEvent.of(SubscribedTenants.EVENT_TYPE, "{\"n\":" + i + "}"));
        }
    }

    @Test
    void aFailingEndpointOpensOneCircuitForAllNodesNotOneEach() {
        try (InProcessNode one = InProcessNode.on(schema, NODE);
             InProcessNode two = InProcessNode.on(schema, NODE);
             InProcessNode three = InProcessNode.on(schema, NODE)) {
            Setup setup = tenantWithWatchedAndMarkerWebhooks(one);
            List.of(one, two, three).forEach(InProcessNode::startDelivering);
            publish(two, setup, EVENTS);

            TestReceiver.await(DEADLINE, () -> marker.requests().size() >= EVENTS, "the marker's deliveries");
            // Every watched delivery has made its second attempt (its first retry, 1 s ± 20 % later).
            TestReceiver.await(DEADLINE, () -> tables.count("SELECT count(*) FROM deliveries d JOIN webhooks w"
                    + " ON w.id = d.webhook_id WHERE w.url LIKE '%/watched' AND d.attempt_count < 2") == 0,
                    "two attempts of every delivery to the failing endpoint");

            int sent = failing.requests().size();
            assertTrue(sent <= FAILURES_TO_OPEN + 2 * CONCURRENCY, "one circuit for all three nodes: the failing"
                    + " endpoint got " + sent + " of " + 2 * EVENTS + " attempts");
            assertEquals(CircuitState.OPEN, three.herald().webhooks()
                    .health(setup.tenant().tenant(), List.of(setup.watched())).get(setup.watched()).circuit(),
                    "every node sees the circuit open");
        }
    }

    @Test
    void aWebhookDisabledThroughOneNodeIsHeldOnEveryNodeAndEnabledThroughAnother() {
        failing.answer(request -> 200);
        try (InProcessNode one = InProcessNode.on(schema, NODE);
             InProcessNode two = InProcessNode.on(schema, NODE);
             InProcessNode three = InProcessNode.on(schema, NODE)) {
            Setup setup = tenantWithWatchedAndMarkerWebhooks(one);
            one.herald().webhooks().update(setup.tenant().tenant(), setup.watched(),
                    new UpdateWebhook(null, null, false, null, true, false, null));
            List.of(one, two, three).forEach(InProcessNode::startDelivering);
            publish(two, setup, EVENTS);

            TestReceiver.await(DEADLINE, () -> marker.requests().size() >= EVENTS, "the marker's deliveries");
            assertEquals(0, failing.requests().size(), "no node sent to the disabled webhook");

            three.herald().webhooks().enable(setup.tenant().tenant(), setup.watched());
            TestReceiver.await(DEADLINE, () -> failing.requests().size() >= EVENTS,
                    "what was held, sent once enabled");
        }
    }
}
