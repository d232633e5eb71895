package dev.herald.application.service;

import static dev.herald.application.service.ScriptedReceiver.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure e-mails go to an address nobody verified, so asking for them again and again must not flood it. */
class FailureNoticeLimitsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);

    @BeforeEach
    void receiverFails() {
        herald.receiver.answer(request -> status(500));
    }

    @Test
    void manualResendsAskingForANoticeGetOnePerWebhookPerFifteenMinutes() {
        Webhook webhook = webhook(ACME);
        DeliveryId delivery = failingDeliveries(ACME, List.of(webhook)).get(0);

        for (int i = 0; i < 10; i++) {
            herald.deliveries.resend(ACME, delivery, true);
        }
        assertEquals(1, herald.notices.size(), "ten re-sends in a row: one e-mail");

        herald.clock.advance(Duration.ofMinutes(15));
        herald.deliveries.resend(ACME, delivery, true);
        assertEquals(2, herald.notices.size());
        assertEquals(9, herald.notices.get(1).suppressedSince(), "the nine held back are summarised");
    }

    @Test
    void manualAndFinalFailuresShareTheWebhookWindow() {
        InMemoryHerald quick = new InMemoryHerald(RetrySchedule.parse(""));
        quick.receiver.answer(request -> status(500));
        Webhook webhook = quick.webhooks.create(ACME,
                new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), "ops@example.com"));
        quick.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        quick.cycle.runOnce();
        assertEquals(1, quick.notices.size(), "the delivery failed finally");

        DeliveryId delivery = quick.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).findFirst().orElseThrow()
                .delivery().id();
        quick.deliveries.resend(ACME, delivery, true);

        assertEquals(1, quick.notices.size(), "the owner was told a moment ago");
    }

    @Test
    void aTenantIsSentAtMostTwentyNoticesAnHourAcrossItsWebhooks() {
        List<Webhook> webhooks = IntStream.range(0, 22).mapToObj(i -> webhook(ACME)).toList();
        List<DeliveryId> deliveries = failingDeliveries(ACME, webhooks);

        deliveries.forEach(delivery -> herald.deliveries.resend(ACME, delivery, true));
        assertEquals(20, herald.notices.size());

        Webhook other = webhook(GLOBEX);
        herald.deliveries.resend(GLOBEX, failingDeliveries(GLOBEX, List.of(other)).get(0), true);
        assertEquals(21, herald.notices.size(), "another tenant is not held back");
        assertEquals(other.id(), herald.notices.get(20).webhookId());

        herald.clock.advance(Duration.ofHours(1));
        herald.deliveries.resend(ACME, deliveries.get(21), true);
        FailureNotice next = herald.notices.get(21);
        assertEquals(webhooks.get(21).id(), next.webhookId());
        assertEquals(1, next.suppressedSince(), "the notice the tenant limit held back is summarised");
    }

    private Webhook webhook(TenantId tenant) {
        return herald.webhooks.create(tenant,
                new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), "ops@example.com"));
    }

    /** One event for {@code tenant}: the delivery to each of {@code webhooks}, in their order. */
    private List<DeliveryId> failingDeliveries(TenantId tenant, List<Webhook> webhooks) {
        herald.events.publish(tenant, PublishEvent.of("PATIENT_CREATED", "{}"));
        return webhooks.stream()
                .map(w -> herald.deliveries.list(tenant, w.id(), DeliveryQuery.all()).findFirst().orElseThrow()
                        .delivery().id())
                .toList();
    }
}
