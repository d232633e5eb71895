package dev.herald.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.application.port.in.ForInspectingDeliveries.DeliveryView;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An embedding service publishes through method calls, not HTTP: its malformed data is refused as over HTTP, in the
 * core's words (field {@code data}, no HTTP location), and its valid data is stored and read back unchanged.
 */
class EmbeddedPublishTest {
    @Test
    void malformedDataIsRefusedOnFieldDataAndValidDataRoundTrips() {
        try (Herald herald = Herald.builder()
                .database("jdbc:h2:mem:embedded-" + UUID.randomUUID(), "sa", "")
                .build()) {
            TenantId acme = herald.tenants().createTenant("acme").tenant();
            Webhook hook = herald.webhooks().create(acme, new CreateWebhook("https://receiver.example/hooks",
                    List.of("PATIENT_CREATED"), null));

            for (String malformed : List.of("{oops}", "[1]", "{\"a\":1} trailing")) {
                InvalidInputException refused = assertThrows(InvalidInputException.class,
                        () -> herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", malformed)));
                assertEquals(List.of(new Violation("data", Violation.Rule.NOT_A_JSON_OBJECT,
                        refused.violations().get(0).message())), refused.violations(), malformed);
            }
            assertEquals(0, herald.deliveries().list(acme, hook.id(), DeliveryQuery.all()).count(),
                    "nothing was stored");

            String data = "{\"patientId\":42,\"name\":\"Zoë\",\"score\":1.50,\"tags\":[null,true]}";
            herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", data));
            DeliveryView view = herald.deliveries().list(acme, hook.id(), DeliveryQuery.all()).findFirst()
                    .orElseThrow();
            assertEquals(data, herald.deliveries().get(acme, view.delivery().id()).data().json());
        }
    }
}
