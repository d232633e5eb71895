package dev.herald.application.service;

import dev.herald.application.port.in.DeliveryQuery;
import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.Delivery;
import dev.herald.domain.DeliveryId;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.TenantId;
import dev.herald.domain.WebhookId;
import java.util.List;
import java.util.Map;

/** The delivery log and manual re-sends (API.md §6). */
public final class DeliveryInspection implements ForInspectingDeliveries {
    private final ForStoringWebhooks webhooks;
    private final ForQueueingDeliveries queue;
    private final DeliveryAttempts attempts;
    private final OwnerNotification notification;

    public DeliveryInspection(ForStoringWebhooks webhooks, ForQueueingDeliveries queue, DeliveryAttempts attempts,
                              OwnerNotification notification) {
        this.webhooks = webhooks;
        this.queue = queue;
        this.attempts = attempts;
        this.notification = notification;
    }

    @Override
    public DeliveryView get(TenantId tenant, DeliveryId id) {
        return view(find(tenant, id));
    }

    @Override
    public List<DeliveryView> list(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        // Archived webhooks count: their history stays readable. Another tenant's is not found.
        webhooks.find(tenant, webhook).orElseThrow(NotFoundException::webhook);
        List<Delivery> deliveries = queue.list(tenant, webhook, query);
        Map<DeliveryId, List<dev.herald.domain.Attempt>> attemptsById =
                queue.attempts(deliveries.stream().map(Delivery::id).toList());
        return deliveries.stream()
                .map(d -> new DeliveryView(d, attemptsById.getOrDefault(d.id(), List.of())))
                .toList();
    }

    @Override
    public DeliveryView resend(TenantId tenant, DeliveryId id, boolean notifyFailure) {
        DeliveryAttempts.Outcome outcome = attempts.manual(find(tenant, id)).join();
        if (outcome.attempt().isEmpty()) {
            throw NotFoundException.webhook(); // its webhook is archived: there is nowhere to send it
        }
        queue.record(outcome.delivery(), outcome.attempt().get());
        if (notifyFailure && !outcome.attempt().get().succeeded()) {
            notification.failedOnRequest(outcome.webhook().orElseThrow(), outcome.delivery());
        }
        return view(outcome.delivery());
    }

    private Delivery find(TenantId tenant, DeliveryId id) {
        return queue.find(tenant, id).orElseThrow(NotFoundException::delivery);
    }

    private DeliveryView view(Delivery delivery) {
        return new DeliveryView(delivery, queue.attempts(List.of(delivery.id())).getOrDefault(delivery.id(), List.of()));
    }
}
