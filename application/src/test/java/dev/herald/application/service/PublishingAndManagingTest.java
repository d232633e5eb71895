package dev.herald.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForManagingWebhooks.UpdateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.in.ForPublishingEvents.PublishedEvent;
import dev.herald.domain.ConflictException;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishingAndManagingTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);

    private Webhook create(TenantId tenant, String... types) {
        return herald.webhooks.create(tenant, new CreateWebhook("https://receiver.example/" + tenant.value(),
                List.of(types), null));
    }

    @Test
    void anEventGoesToEveryLiveSubscribedWebhookOfItsTenantAndNoOther() {
        Webhook patients = create(ACME, "PATIENT_CREATED", "PATIENT_UPDATED");
        Webhook payments = create(ACME, "PAYMENT_CREATED");
        Webhook archived = create(ACME, "PATIENT_CREATED");
        herald.webhooks.delete(ACME, archived.id());
        Webhook otherTenant = create(GLOBEX, "PATIENT_CREATED");

        PublishedEvent published = herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"a\":1}"));

        assertEquals(1, published.deliveryCount());
        assertEquals(1, herald.deliveries.list(ACME, patients.id(), DeliveryQuery.all()).count());
        assertEquals(0, herald.deliveries.list(ACME, payments.id(), DeliveryQuery.all()).count());
        assertEquals(0, herald.deliveries.list(GLOBEX, otherTenant.id(), DeliveryQuery.all()).count());
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstEventAndADifferentBodyIsAConflict() {
        Webhook webhook = create(ACME, "PATIENT_CREATED");
        PublishedEvent first = herald.events.publish(ACME, new PublishEvent("PATIENT_CREATED", "{\"a\":1}", "key-1"));
        PublishedEvent again = herald.events.publish(ACME, new PublishEvent("PATIENT_CREATED", "{\"a\":1}", "key-1"));
        assertEquals(first, again);
        assertEquals(1, herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).count());
        assertThrows(ConflictException.class,
                () -> herald.events.publish(ACME, new PublishEvent("PATIENT_CREATED", "{\"a\":2}", "key-1")));
        PublishedEvent otherTenant = herald.events.publish(GLOBEX,
                new PublishEvent("PATIENT_CREATED", "{\"a\":1}", "key-1"));
        assertNotEquals(first.id(), otherTenant.id(), "keys are per tenant");
    }

    @Test
    void everyProblemOfACreateIsReportedAtOnceAndNothingIsStored() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> herald.webhooks.create(ACME,
                new CreateWebhook("ftp://x", List.of("PATIENT_CREATED", "NOPE"), "not-an-email")));
        assertEquals(List.of("url", "subscriptions[1]", "notificationEmail"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of(Violation.Rule.URL_INVALID, Violation.Rule.UNKNOWN_EVENT_TYPE, Violation.Rule.EMAIL_INVALID),
                e.violations().stream().map(Violation::rule).toList());
        assertTrue(herald.webhooks.list(ACME, true).isEmpty());
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndNullClearsTheEmail() {
        Webhook webhook = herald.webhooks.create(ACME, new CreateWebhook("https://a.example/h",
                List.of("PATIENT_CREATED"), "ops@example.com"));
        herald.clock.advance(Duration.ofSeconds(5));
        Webhook updated = herald.webhooks.update(ACME, webhook.id(),
                new UpdateWebhook(null, List.of("CALL_RECEIVED", "CALL_RECIEVED"), true, null, null, false, null));
        assertEquals(webhook.url(), updated.url());
        assertEquals(List.of(dev.herald.domain.event.EventType.CALL_RECIEVED), updated.subscription().asList());
        assertEquals(Optional.empty(), updated.notificationEmail());
        assertEquals(Optional.of(herald.clock.instant()), updated.updatedDate());
        assertThrows(InvalidInputException.class,
                () -> herald.webhooks.update(ACME, webhook.id(), new UpdateWebhook(null, List.of(), false, null, null, false, null)));
    }

    @Test
    void anotherTenantsWebhookIsNotFoundAndAnArchivedOneIsGoneButListedOnRequest() {
        Webhook webhook = create(ACME, "PATIENT_CREATED");
        assertThrows(NotFoundException.class, () -> herald.webhooks.get(GLOBEX, webhook.id()));
        assertThrows(NotFoundException.class, () -> herald.webhooks.delete(GLOBEX, webhook.id()));
        herald.webhooks.delete(ACME, webhook.id());
        assertThrows(NotFoundException.class, () -> herald.webhooks.get(ACME, webhook.id()));
        assertTrue(herald.webhooks.list(ACME, false).isEmpty());
        assertTrue(herald.webhooks.list(ACME, true).get(0).archived());
    }

    @Test
    void rotatingTheSecretSignsWithBothUntilTheGraceEnds() {
        Webhook webhook = create(ACME, "PATIENT_CREATED");
        Webhook rotated = herald.webhooks.rotateSecret(ACME, webhook.id(), Duration.ofMinutes(10));
        assertNotEquals(webhook.secret(), rotated.secret());
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        herald.cycle.runOnce();
        String signature = herald.receiver.requests.get(0).headers().get("webhook-signature");
        assertEquals(2, signature.split(" ").length);
    }
}
