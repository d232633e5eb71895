package dev.herald.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.application.port.in.ForDiscoveringEventTypes.SentExample;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.EventTypeDescription;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event-type catalog, schema checks and examples through method calls (docs/API.md §4.11, §4.12, §5). */
class EmbeddedEventTypesTest {
    @Test
    void theCatalogListsEveryTypeInOrder() {
        try (Herald herald = herald(false)) {
            List<EventTypeDescription> catalog = herald.eventTypes().list();
            assertEquals(Arrays.asList(EventType.values()), catalog.stream().map(EventTypeDescription::type).toList());
        }
    }

    @Test
    void withValidationOnDataThatBreaksItsSchemaIsRefusedAndNothingIsStored() {
        try (Herald herald = herald(true)) {
            TenantId acme = herald.tenants().createTenant("acme").tenant();
            Webhook hook = subscribedWebhook(herald, acme);

            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", "{\"patientId\":42}")));
            assertEquals(List.of("data.patientId"), refused.violations().stream().map(Violation::field).toList());
            assertEquals(Violation.Rule.SCHEMA_MISMATCH, refused.violations().get(0).rule());
            assertEquals(0, herald.deliveries().list(acme, hook.id(), DeliveryQuery.all()).count());

            herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", "{\"patientId\":\"p-42\"}"));
            assertEquals(1, herald.deliveries().list(acme, hook.id(), DeliveryQuery.all()).count());
        }
    }

    @Test
    void withValidationOffAnyJsonObjectIsPublished() {
        try (Herald herald = herald(false)) {
            TenantId acme = herald.tenants().createTenant("acme").tenant();
            subscribedWebhook(herald, acme);
            assertEquals(1, herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", "{\"patientId\":42}"))
                    .deliveryCount());
        }
    }

    @Test
    void anExampleBecomesOneDeliveryToThatWebhookWhateverItSubscribesTo() {
        try (Herald herald = herald(false)) {
            TenantId acme = herald.tenants().createTenant("acme").tenant();
            Webhook hook = subscribedWebhook(herald, acme);

            SentExample sent = herald.eventTypes().sendExample(acme, hook.id(), "MESSAGE_RECEIVED");
            assertEquals(EventType.MESSAGE_RECIEVED, sent.type());
            var delivery = herald.deliveries().get(acme, sent.deliveryId());
            assertEquals(sent.eventId(), delivery.delivery().eventId());
            assertEquals(herald.eventTypes().list().get(EventType.MESSAGE_RECIEVED.ordinal()).example(),
                    delivery.data());
        }
    }

    private static Herald herald(boolean validate) {
        return Herald.builder().database("jdbc:h2:mem:event-types-" + UUID.randomUUID(), "sa", "")
                .validateEventData(validate).build();
    }

    private static Webhook subscribedWebhook(Herald herald, TenantId tenant) {
        return herald.webhooks().create(tenant, new CreateWebhook("https://receiver.example/hooks",
                List.of("PATIENT_CREATED"), null));
    }
}
