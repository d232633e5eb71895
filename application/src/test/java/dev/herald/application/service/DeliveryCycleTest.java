package dev.herald.application.service;

import static dev.herald.application.contract.ContractFixtures.NO_LIMITS;
import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static dev.herald.application.service.ScriptedReceiver.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One pass of the delivery cycle, driven directly: what it claimed, and what became of each delivery. */
class DeliveryCycleTest {
    private static final TenantId ACME = new TenantId("acme");
    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);

    @Test
    void aPassReportsWhatItClaimedAndWhatEachDeliveryBecame() {
        herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), null));
        herald.receiver.answer(request -> herald.receiver.requests.size() == 1 ? status(200) : status(500));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":1}"));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{\"n\":2}"));

        DeliveryCycle.Pass pass = herald.cycle.runOnce();

        assertEquals(2, pass.claimed());
        assertEquals(Set.of(DeliveryStatus.DELIVERED, DeliveryStatus.PENDING),
                pass.deliveries().stream().map(Delivery::status).collect(Collectors.toSet()));
        assertEquals(0, herald.cycle.runOnce().claimed(), "the retry is not due yet");
    }

    @Test
    void aDatabaseLostWhileABatchIsReadSendsNoneOfItSoNoneIsSentTwice() {
        herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/first", List.of("PATIENT_CREATED"), null));
        herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/second", List.of("PATIENT_CREATED"), null));
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));
        herald.webhookStore.goUnavailableAfterFinds(1); // the second webhook's lookup finds the database gone

        DeliveryCycle.Pass pass = herald.cycle.runOnce();

        assertEquals(2, pass.claimed());
        assertEquals(List.of(), herald.receiver.requests, "nothing went out of a batch that was given back");
    }

    @Test
    void aSendThatBreaksDownIsGivenBackDueAtOnce() {
        herald.webhooks.create(ACME, new CreateWebhook("https://receiver.example/hook", List.of("PATIENT_CREATED"), null));
        herald.receiver.answer(request -> {
            throw new IllegalStateException("the sender broke down");
        });
        herald.events.publish(ACME, PublishEvent.of("PATIENT_CREATED", "{}"));

        DeliveryCycle.Pass pass = herald.cycle.runOnce();

        assertEquals(1, pass.claimed());
        assertEquals(List.of(), pass.deliveries());
        assertEquals(1, herald.queue.claim(herald.clock.instant(), 10, ANY_SIZE, Duration.ofMinutes(1), NO_LIMITS).size(),
                "released: due at once, under no lease");
    }
}
