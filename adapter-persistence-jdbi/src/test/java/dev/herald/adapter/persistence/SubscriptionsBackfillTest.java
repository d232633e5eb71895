package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Subscription;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A database that had webhooks before V6 finds their live subscribers afterwards: V6 fills
 * {@code webhook_subscriptions} from each live webhook's comma-separated {@code event_types}.
 */
class SubscriptionsBackfillTest {
    @Test
    void onH2() throws SQLException {
        String url = H2Urls.withHeraldSettings("jdbc:h2:mem:backfill-" + UUID.randomUUID());
        try {
            migratedToV5WithWebhooksThenV6(url);
        } finally {
            execute(url, "SHUTDOWN");
        }
    }

    @Test
    void onPostgres() throws SQLException {
        String base = System.getenv(TestDatabase.PG_URL_VARIABLE);
        Assumptions.assumeTrue(base != null && !base.isBlank(), "PostgreSQL tests skipped");
        String schema = "herald_backfill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(base, "CREATE SCHEMA " + schema);
        try {
            migratedToV5WithWebhooksThenV6(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void migratedToV5WithWebhooksThenV6(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:dev/herald/adapter/persistence/migration")
                .table(JdbiPersistence.HISTORY_TABLE)
                .target("5")
                .load()
                .migrate();
        // Two at one instant (the seq breaks the tie), types in any order, a disabled one, an archived one, and
        // another tenant's.
        insert(url, "wh_b", "acme", "PAYMENT_FAILED,PATIENT_CREATED", minutes(2), false, true);
        insert(url, "wh_a", "acme", "PATIENT_CREATED", minutes(1), false, false);
        insert(url, "wh_c", "acme", "PATIENT_CREATED,MAIL_SENT", minutes(2), false, false);
        insert(url, "wh_archived", "acme", "PATIENT_CREATED,MAIL_SENT", minutes(0), true, false);
        insert(url, "wh_globex", "globex", "PATIENT_CREATED", minutes(0), false, false);

        try (JdbiPersistence persistence = JdbiPersistence.connect(url, "", "")) {
            var webhooks = persistence.webhooks();
            assertEquals(List.of("wh_a", "wh_b", "wh_c"), ids(webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED)));
            assertEquals(List.of("wh_b"), ids(webhooks.liveSubscribers(ACME, EventType.PAYMENT_FAILED)));
            assertEquals(List.of("wh_c"), ids(webhooks.liveSubscribers(ACME, EventType.MAIL_SENT)));
            assertEquals(3, webhooks.countLiveSubscribers(ACME, EventType.PATIENT_CREATED));
            assertEquals(1, webhooks.countLiveSubscribers(ACME, EventType.MAIL_SENT));
            assertEquals(3, webhooks.countLive(ACME));

            // The filled rows are the ones the store keeps: changing the types replaces them.
            Webhook b = webhooks.find(ACME, new WebhookId("wh_b")).orElseThrow();
            webhooks.update(b.withChanges(b.url(), Subscription.of(EventType.MAIL_SENT), Optional.empty(),
                    minutes(3)));
            assertEquals(List.of("wh_a", "wh_c"), ids(webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED)));
            assertEquals(List.of("wh_b", "wh_c"), ids(webhooks.liveSubscribers(ACME, EventType.MAIL_SENT)));
            assertEquals(0, webhooks.countLiveSubscribers(ACME, EventType.PAYMENT_FAILED));
        }
    }

    private static void insert(String url, String id, String tenant, String types, Instant created,
                               boolean archived, boolean disabled) throws SQLException {
        String at = "TIMESTAMP WITH TIME ZONE '" + created.toString().replace('T', ' ').replace("Z", "+00") + "'";
        execute(url, "INSERT INTO webhooks (id, tenant, url, event_types, secret, created_date, archived,"
                + " disabled_date) VALUES ('" + id + "', '" + tenant + "', 'https://example.com/" + id + "', '"
                + types + "', 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=', " + at + ", " + archived
                + ", " + (disabled ? at : "NULL") + ")");
    }

    private static List<String> ids(List<Webhook> webhooks) {
        return webhooks.stream().map(w -> w.id().value()).toList();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
