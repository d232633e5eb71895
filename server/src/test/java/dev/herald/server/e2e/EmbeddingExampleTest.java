package dev.herald.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.server.support.TestReceiver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding Herald in a JVM service", run: Herald on the host's own pool, used through method calls,
 * publishing inside the host's transaction (transactional outbox), delivering over real HTTP.
 */
class EmbeddingExampleTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    private HikariDataSource hostDataSource;
    private TestReceiver receiver;

    @BeforeEach
    void startHostDatabaseAndReceiver() throws Exception {
        HikariConfig pool = new HikariConfig();
        // H2 as Herald's SQL needs it (JdbiPersistence.onDataSource): PostgreSQL mode, lower-case names, NULLs high.
        pool.setJdbcUrl("jdbc:h2:mem:host-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        hostDataSource = new HikariDataSource(pool);
        try (Connection c = hostDataSource.getConnection()) {
            c.createStatement().execute("CREATE TABLE payments (id INT PRIMARY KEY)");
        }
        receiver = new TestReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        hostDataSource.close();
    }

    @Test
    void theReadmeExampleDeliversAndItsOutboxFollowsTheHostsTransaction() throws Exception {
        try (Herald herald = Herald.builder()
                .dataSource(hostDataSource)
                .allowHttp(true).allowPrivateNetworks(true) // the receiver is http on 127.0.0.1
                .build()) {
            herald.startDelivering();

            TenantId acme = herald.tenants().createTenant("acme").tenant();
            Webhook hook = herald.webhooks().create(acme, new CreateWebhook(receiver.url("/hooks"),
                    List.of("PATIENT_CREATED", "PAYMENT_CREATED"), "ops@example.com"));
            String patient = herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", "{\"patientId\":42}"))
                    .id().value();
            awaitDelivered(patient);

            String rolledBack = publishWithPayment(herald, acme, 7, false);
            String committed = publishWithPayment(herald, acme, 8, true);
            awaitDelivered(committed); // published after the rolled-back one: had that one been kept, it was due first

            assertFalse(receiver.acceptedEventIds().contains(rolledBack), "the rolled-back event was delivered");
            assertEquals(2, herald.deliveries().list(acme, hook.id(), DeliveryQuery.all()).count(),
                    "the rolled-back event left no delivery behind");
            assertEquals(List.of(8), paymentIds(), "the host's rolled-back row is absent, its committed one there");
        }
    }

    /** The host's own write and Herald's publish in one transaction, committed or rolled back; the event id. */
    private String publishWithPayment(Herald herald, TenantId tenant, int paymentId, boolean commit)
            throws SQLException {
        try (Connection c = hostDataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO payments (id) VALUES (?)")) {
                insert.setInt(1, paymentId);
                insert.executeUpdate();
            }
            String eventId = herald.publish(c, tenant,
                    PublishEvent.of("PAYMENT_CREATED", "{\"paymentId\":" + paymentId + "}")).id().value();
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            return eventId;
        }
    }

    private void awaitDelivered(String eventId) {
        TestReceiver.await(SOON, () -> receiver.acceptedEventIds().contains(eventId), "event " + eventId);
    }

    private List<Integer> paymentIds() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = hostDataSource.getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT id FROM payments ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}
