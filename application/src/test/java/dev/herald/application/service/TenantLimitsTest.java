package dev.herald.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.config.TenantLimits;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForManagingWebhooks.UpdateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.LimitExceededException.Limit;
import dev.herald.domain.LimitExceededException;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tenant cannot pass the operator's limits; a refused request changes nothing, and other tenants are unaffected. */
class TenantLimitsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    /** 3 webhooks, 2 per event type, 100 bytes sent per publish. */
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT, new TenantLimits(3, 2, 100));

    private Webhook create(TenantId tenant, String... types) {
        return herald.webhooks.create(tenant, new CreateWebhook("https://receiver.example/" + tenant.value(),
                List.of(types), null));
    }

    private static Limit refused(Runnable request) {
        return assertThrows(LimitExceededException.class, request::run).limit();
    }

    @Test
    void aTenantHasAtMostItsNumberOfWebhooksArchivedOnesNotCounted() {
        create(ACME, "PATIENT_CREATED");
        create(ACME, "PAYMENT_CREATED");
        Webhook third = create(ACME, "CALL_MADE");

        LimitExceededException e = assertThrows(LimitExceededException.class, () -> create(ACME, "MAIL_SENT"));
        assertEquals(Limit.WEBHOOKS_PER_TENANT, e.limit());
        assertTrue(e.getMessage().contains("at most 3 webhooks"), e.getMessage());
        assertEquals(3, herald.webhooks.list(ACME, true).size(), "nothing was created");

        create(GLOBEX, "MAIL_SENT"); // another tenant has its own count
        herald.webhooks.delete(ACME, third.id());
        create(ACME, "MAIL_SENT");
    }

    @Test
    void anEventTypeHasAtMostItsNumberOfSubscribersOnCreateAndOnUpdate() {
        create(ACME, "PATIENT_CREATED");
        create(ACME, "PATIENT_CREATED", "PAYMENT_CREATED");
        assertEquals(Limit.SUBSCRIBERS_PER_EVENT_TYPE, refused(() -> create(ACME, "PATIENT_CREATED")));

        Webhook payments = create(ACME, "PAYMENT_CREATED");
        assertEquals(Limit.SUBSCRIBERS_PER_EVENT_TYPE, refused(() -> herald.webhooks.update(ACME, payments.id(),
                new UpdateWebhook(null, List.of("PAYMENT_CREATED", "PATIENT_CREATED"), false, null, null, false, null))));
        assertEquals(payments.subscription(), herald.webhooks.get(ACME, payments.id()).subscription(), "unchanged");
        // Keeping a type it already has is not a new subscriber.
        herald.webhooks.update(ACME, payments.id(), new UpdateWebhook(null, List.of("PAYMENT_CREATED"), false, null, null, false, null));
    }

    @Test
    void aPublishMayNotMakeHeraldSendMoreThanTheFanOutBytes() {
        create(ACME, "PATIENT_CREATED");
        create(ACME, "PATIENT_CREATED");
        String fiftyBytes = "{\"note\":\"" + "x".repeat(39) + "\"}";
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", fiftyBytes)); // 50 x 2 = 100: allowed

        String fiftyOneBytes = "{\"note\":\"" + "x".repeat(40) + "\"}";
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", fiftyOneBytes)));
        assertEquals(Limit.EVENT_BYTES_TIMES_SUBSCRIBERS, e.limit());
        assertTrue(e.getMessage().contains("51 bytes of data x 2 webhooks"), e.getMessage());
        assertEquals(1, herald.eventStore.count(), "the refused event was not stored");
        assertEquals(2, herald.queue.queuedCount(), "and has no deliveries");
    }
}
