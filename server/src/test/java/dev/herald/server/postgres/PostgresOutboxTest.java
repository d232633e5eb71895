package dev.herald.server.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.application.port.in.ForAdministeringTenants.TenantCredentials;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.in.ForPublishingEvents.PublishedEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.server.support.TestReceiver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox on PostgreSQL: a host service gives Herald its own pool, and an event published inside
 * the host's transaction lives or dies with the host's own rows — delivered after a commit, never after a rollback.
 */
class PostgresOutboxTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private PostgresSchema schema;
    private HeraldTables tables;
    private HikariDataSource hostPool;
    private TestReceiver receiver;
    private Herald herald;
    private TenantCredentials tenant;

    @BeforeEach
    void hostServiceWithHeraldOnItsPool() throws Exception {
        schema = PostgresSchema.create();
        tables = new HeraldTables(schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schema.jdbcUrl());
        config.setPoolName("host");
        hostPool = new HikariDataSource(config);
        try (Connection c = hostPool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE host_orders (id VARCHAR(40) PRIMARY KEY)");
        }
        receiver = new TestReceiver();
        herald = Herald.builder().dataSource(hostPool).allowHttp(true).allowPrivateNetworks(true).build();
        tenant = herald.tenants().createTenant("host-tenant");
        herald.webhooks().create(tenant.tenant(), new CreateWebhook(receiver.url("/orders"),
                List.of(SubscribedTenants.EVENT_TYPE), null));
        herald.startDelivering();
    }

    @AfterEach
    void closeHostService() {
        if (herald != null) {
            herald.close();
        }
        if (hostPool != null) {
            hostPool.close(); // the host's pool is the host's to close, not Herald's
        }
        if (receiver != null) {
            receiver.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void anEventPublishedInARolledBackHostTransactionLeavesNoTraceAndIsNeverDelivered() throws Exception {
        PublishedEvent rolledBack;
        try (Connection host = hostPool.getConnection()) {
            host.setAutoCommit(false);
            insertOrder(host, "order-rolled-back");
            rolledBack = herald.publish(host, tenant.tenant(), orderEvent("order-rolled-back"));
            host.rollback();
        }

        assertEquals(0, tables.count("SELECT count(*) FROM host_orders WHERE id = 'order-rolled-back'"));
        assertEquals(0, tables.eventsWithId(rolledBack.id().value()), "event rows");
        assertEquals(0, tables.deliveriesOfEvent(rolledBack.id().value()), "delivery rows");
        // The dispatcher is running: an event committed after the rollback arrives, the rolled-back one never does.
        PublishedEvent later = herald.events().publish(tenant.tenant(), orderEvent("order-later"));
        awaitArrival(later);
        assertFalse(arrived(rolledBack), "the rolled-back event was delivered");
    }

    @Test
    void anEventPublishedInACommittedHostTransactionIsDeliveredOnceTheHostCommits() throws Exception {
        try (Connection host = hostPool.getConnection()) {
            host.setAutoCommit(false);
            insertOrder(host, "order-committed");
            PublishedEvent committed = herald.publish(host, tenant.tenant(), orderEvent("order-committed"));

            // While the host's transaction is open, the workers cannot see it: one published since gets through first.
            PublishedEvent meanwhile = herald.events().publish(tenant.tenant(), orderEvent("order-meanwhile"));
            awaitArrival(meanwhile);
            assertFalse(arrived(committed), "delivered before the host committed");

            host.commit();
            awaitArrival(committed);
            assertEquals(1, tables.count("SELECT count(*) FROM host_orders WHERE id = 'order-committed'"));
            TestReceiver.await(DEADLINE, () -> tables.count("SELECT count(*) FROM deliveries WHERE event_id = ?"
                    + " AND status = 'DELIVERED'", committed.id().value()) == 1, "the delivery to be recorded");
        }
    }

    private static void insertOrder(Connection host, String id) throws SQLException {
        try (PreparedStatement insert = host.prepareStatement("INSERT INTO host_orders (id) VALUES (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
    }

    private static PublishEvent orderEvent(String orderId) {
        return PublishEvent.of(SubscribedTenants.EVENT_TYPE, "{\"orderId\":\"" + orderId + "\"}");
    }

    /** Whether a delivery of this event reached the receiver (its body names the event as {@code alertId}). */
    private boolean arrived(PublishedEvent event) {
        return receiver.requests().stream().anyMatch(r -> r.body().contains(event.id().value()));
    }

    private void awaitArrival(PublishedEvent event) {
        TestReceiver.await(DEADLINE, () -> arrived(event), "the delivery of " + event.id().value());
    }
}
