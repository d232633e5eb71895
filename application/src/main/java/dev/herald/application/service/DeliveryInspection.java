package dev.herald.application.service;

import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.in.Listing;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.domain.event.StoredEvent;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.Page;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The delivery log, manual re-sends (docs/API.md §6.5-6.7) and the event history (§5.1-5.2). */
public final class DeliveryInspection implements ForInspectingDeliveries {
    /** Deliveries or events whose data a listing reads at once: at most 16 x the largest event (4 MiB by default). */
    private static final int DATA_CHUNK = 16;

    private final ForStoringWebhooks webhooks;
    private final ForStoringEvents events;
    private final ForReadingDeliveryLog log;
    private final ForQueueingDeliveries queue;
    private final DeliveryAttempts attempts;
    private final OwnerNotification notification;

    public DeliveryInspection(ForStoringWebhooks webhooks, ForStoringEvents events, ForReadingDeliveryLog log,
                              ForQueueingDeliveries queue, DeliveryAttempts attempts, OwnerNotification notification) {
        this.webhooks = webhooks;
        this.events = events;
        this.log = log;
        this.queue = queue;
        this.attempts = attempts;
        this.notification = notification;
    }

    @Override
    public DeliveryView get(TenantId tenant, DeliveryId id) {
        return views(List.of(find(tenant, id))).get(0);
    }

    @Override
    public Listing<DeliveryView> page(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        // Archived webhooks count: their history stays readable. Another tenant's is not found.
        webhooks.find(tenant, webhook).orElseThrow(NotFoundException::webhook);
        Page<Delivery> page = log.page(tenant, webhook, query);
        return new Listing<>(inChunks(page.items()).flatMap(chunk -> views(chunk).stream()), page.next());
    }

    @Override
    public Listing<EventView> events(TenantId tenant, EventQuery query) {
        Page<StoredEvent> page = events.list(tenant, query);
        return new Listing<>(inChunks(page.items()).flatMap(chunk -> eventViews(chunk).stream()), page.next());
    }

    @Override
    public EventDetail event(TenantId tenant, EventId id) {
        StoredEvent event = events.find(tenant, id).orElseThrow(NotFoundException::event);
        return new EventDetail(eventViews(List.of(event)).get(0), log.ofEvent(tenant, id));
    }

    /** The items a few at a time, so that the data of only a few is held at once. */
    private static <T> Stream<List<T>> inChunks(List<T> items) {
        return IntStream.iterate(0, from -> from < items.size(), from -> from + DATA_CHUNK)
                .mapToObj(from -> items.subList(from, Math.min(items.size(), from + DATA_CHUNK)));
    }

    private List<EventView> eventViews(List<StoredEvent> stored) {
        Map<EventId, EventData> data = events.data(stored.stream().map(StoredEvent::id).toList());
        return stored.stream().map(e -> new EventView(e, data.get(e.id()))).toList();
    }

    @Override
    public DeliveryView resend(TenantId tenant, DeliveryId id, boolean notifyFailure) {
        DeliveryAttempts.Outcome outcome = attempts.sendManually(find(tenant, id)).join();
        if (outcome.attempt().isEmpty()) {
            throw NotFoundException.webhook(); // its webhook is archived: there is nowhere to send it
        }
        queue.recordManualAttempt(outcome.delivery(), outcome.attempt().get());
        if (notifyFailure && !outcome.attempt().get().succeeded()) {
            notification.failedOnRequest(outcome.webhook().orElseThrow(), outcome.delivery());
        }
        return views(List.of(outcome.delivery())).get(0);
    }

    private Delivery find(TenantId tenant, DeliveryId id) {
        return log.find(tenant, id).orElseThrow(NotFoundException::delivery);
    }

    /** Views with their attempts and data; each event's data is read once, however many of its deliveries are listed. */
    private List<DeliveryView> views(List<Delivery> deliveries) {
        Map<DeliveryId, List<Attempt>> attemptsById = log.attempts(deliveries.stream().map(Delivery::id).toList());
        Map<EventId, EventData> data = events.data(deliveries.stream().map(Delivery::eventId).distinct().toList());
        return deliveries.stream()
                .map(d -> new DeliveryView(d, data.get(d.eventId()), attemptsById.getOrDefault(d.id(), List.of())))
                .toList();
    }
}
