package dev.herald.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.application.port.in.ForInspectingDeliveries.DeliveryView;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An embedding service publishes in-process: its data must be one JSON object, as over HTTP, or nothing is stored. */
class PublishedDataTest {
    private static final TenantId ACME = new TenantId("acme");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);
    private final Webhook webhook = herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/acme",
            List.of("PATIENT_CREATED"), null));

    @ParameterizedTest
    @ValueSource(strings = {"{oops}", "[1]", "{\"a\":1} trailing", "", "\"{}\"", "{\"a\":1,\"a\":2}", "{\"a\":01}"})
    void malformedDataIsRefusedAsAViolationOfDataAndNothingIsStored(String data) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", data)));

        assertEquals(List.of("data"), refused.violations().stream().map(Violation::field).toList());
        assertEquals(Violation.Rule.NOT_A_JSON_OBJECT, refused.violations().get(0).rule());
        assertEquals(0, herald.eventStore.count());
        assertEquals(0, herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).count());
    }

    @Test
    void everyProblemOfAPublishIsReportedAtOnce() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> herald.events.publish(ACME, new PublishEvent("NOPE", "{oops}", "")));

        assertEquals(List.of("type", "data", "idempotencyKey"),
                refused.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("type", "data"), assertThrows(InvalidInputException.class,
                () -> herald.events.publish(ACME, new PublishEvent(null, null, null))).violations().stream()
                .map(Violation::field).toList());
        assertEquals(0, herald.eventStore.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"patientId\":42,\"name\":\"Zoë\",\"tags\":[\"a\",null,true],\"score\":1.50}",
            "{\"nested\":{\"deep\":[{\"x\":-1E-7}]},\"quote\":\"\\\"\\\\\\n\"}"})
    void validDataRoundTripsUnchanged(String data) {
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", data));

        DeliveryView view = herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).findFirst().orElseThrow();
        assertEquals(data, view.data().json());
        assertEquals(data, herald.deliveries.get(ACME, view.delivery().id()).data().json());
        herald.cycle.runOnce();
        String body = herald.receiver.requests.get(0).body().text();
        assertEquals(data, body.substring(body.indexOf("\"data\":") + 7, body.indexOf(",\"createdDate\":")));
    }

    @Test
    void dataIsStoredInTheCanonicalFormHttpStoresSoSpacingDoesNotMakeAnotherEvent() {
        herald.events.publish(ACME, new PublishEvent("PATIENT_CREATED", "{ \"a\" : 1.0e3 ,\n \"b\" : [ -0 ] }", "k"));
        herald.events.publish(ACME, new PublishEvent("PATIENT_CREATED", "{\"a\":1.0E+3,\"b\":[0]}", "k"));

        assertEquals(1, herald.eventStore.count(), "the same data and key: one event");
        DeliveryView view = herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).findFirst().orElseThrow();
        assertEquals("{\"a\":1.0E+3,\"b\":[0]}", view.data().json());
    }
}
