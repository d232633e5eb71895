package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits and the publish read a tenant's live subscribers of a type as one index range (then each subscriber by
 * its id) and count a tenant's live webhooks from an index alone, not the tenant's webhook rows (docs/DECISIONS.md, "Live subscriptions have a table of
 * their own"); the webhook list keeps reading its index in order. Writes the plans to target/.
 */
class WebhookSubscriptionPlanTest {
    /** ACME's webhooks; one in five subscribes to each type, as the limit of subscribers per type allows. */
    private static final int WEBHOOKS = 500;
    private static final int SUBSCRIBERS = WEBHOOKS / 5;
    private static final int OTHER_TENANTS = 20;
    private static final List<EventType> TYPES = List.of(EventType.PATIENT_CREATED, EventType.PATIENT_UPDATED,
            EventType.PAYMENT_FAILED, EventType.MAIL_SENT, EventType.CALL_RECIEVED);
    private static final Map<String, Object> ACME_MAIL_SENT = Map.of("tenant", ACME.value(),
            "type", EventType.MAIL_SENT.name(), "includeArchived", false);

    @Test
    void onH2EachReadsItsIndexRangeOnly() throws IOException {
        TestDatabase database = TestDatabase.h2InMemory();
        load(database);
        String subscribers = plan(database, "EXPLAIN ANALYZE ", JdbiWebhookStore.LIVE_SUBSCRIBERS);
        assertTrue(subscribers.contains("webhook_subscriptions_by_type: tenant = ?1")
                && subscribers.contains("PRIMARY_KEY"), "the range, then each subscriber by its id: " + subscribers);
        QueryPlans.scanCounts(subscribers).forEach(count -> assertEquals(SUBSCRIBERS + 1, count, subscribers));
        String countSubscribers = plan(database, "EXPLAIN ANALYZE ", JdbiWebhookStore.COUNT_LIVE_SUBSCRIBERS);
        assertTrue(countSubscribers.contains("webhook_subscriptions_by_type: tenant = ?1"), countSubscribers);
        assertEquals(List.of(SUBSCRIBERS + 1), QueryPlans.scanCounts(countSubscribers), countSubscribers);
        String countLive = plan(database, "EXPLAIN ANALYZE ", JdbiWebhookStore.COUNT_LIVE);
        assertTrue(countLive.contains("webhooks_by_archived_tenant: archived = FALSE"), countLive);
        assertEquals(List.of(WEBHOOKS + 1), QueryPlans.scanCounts(countLive), countLive);
        String list = plan(database, "EXPLAIN ", JdbiWebhookStore.LIST);
        assertTrue(list.contains("webhooks_by_tenant: tenant = ?1"), list);
        Files.writeString(Path.of("target", "webhook-subscription-plans-h2.txt"),
                String.join("\n\n", subscribers, countSubscribers, countLive, list) + "\n");
    }

    @Test
    void onPostgresEachReadsItsIndexRangeOnly() throws IOException {
        TestDatabase database = TestDatabase.postgres();
        load(database);
        database.persistence().jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
        String subscribers = plan(database, "EXPLAIN ", JdbiWebhookStore.LIVE_SUBSCRIBERS);
        assertTrue(subscribers.contains("Index Only Scan using webhook_subscriptions_by_type")
                && subscribers.contains("on webhooks_pkey"), "the range, then each subscriber by its id: " + subscribers);
        assertFalse(subscribers.contains("Seq Scan") || subscribers.contains("Join"), subscribers);
        String countSubscribers = plan(database, "EXPLAIN ", JdbiWebhookStore.COUNT_LIVE_SUBSCRIBERS);
        assertTrue(countSubscribers.contains("Index Only Scan using webhook_subscriptions_by_type"), countSubscribers);
        String countLive = plan(database, "EXPLAIN ", JdbiWebhookStore.COUNT_LIVE);
        assertTrue(countLive.contains("Index Only Scan using webhooks_by_archived_tenant"), countLive);
        Files.writeString(Path.of("target", "webhook-subscription-plans-postgres.txt"),
                String.join("\n\n", subscribers, countSubscribers, countLive) + "\n");
    }

    /** ACME's webhooks and other tenants' (each with a fifth as many), in one transaction. */
    private static void load(TestDatabase database) {
        JdbiPersistence persistence = database.empty();
        ForStoringWebhooks webhooks = persistence.webhooks();
        persistence.transactions().inTransaction(() -> {
            for (int i = 0; i < WEBHOOKS; i++) {
                webhooks.insert(webhook(ACME, minutes(i), TYPES.get(i % TYPES.size())));
                for (int t = 0; t < OTHER_TENANTS && i % 5 == 0; t++) {
                    webhooks.insert(webhook(new TenantId("tenant" + t), minutes(i), TYPES.get(i / 5 % TYPES.size())));
                }
            }
            return null;
        });
    }

    private static String plan(TestDatabase database, String explain, String sql) {
        return database.persistence().jdbi().withHandle(h -> String.join("\n",
                h.createQuery(explain + sql).bindMap(ACME_MAIL_SENT).mapTo(String.class).list()));
    }
}
