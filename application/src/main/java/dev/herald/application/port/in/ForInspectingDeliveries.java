package dev.herald.application.port.in;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.StoredEvent;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading the delivery log and re-sending a delivery by hand (docs/API.md §6.5-6.7, the "events" family), and the
 * event history (§5.1-5.2).
 */
public interface ForInspectingDeliveries {
    DeliveryView get(TenantId tenant, DeliveryId id);

    /**
     * The webhook's deliveries as the query asks, in order. The stream reads its events' data a few deliveries at a
     * time as it is consumed, so a page of large events is never held in memory at once; consume it once, promptly.
     */
    default Stream<DeliveryView> list(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        return page(tenant, webhook, query).items();
    }

    /** {@link #list}, and where the next page starts when there are more (docs/API.md §10). */
    Listing<DeliveryView> page(TenantId tenant, WebhookId webhook, DeliveryQuery query);

    /**
     * The tenant's published events as the query asks (docs/API.md §5.1), with their data, read a few events at a
     * time as the stream is consumed.
     */
    Listing<EventView> events(TenantId tenant, EventQuery query);

    /** One of the tenant's events with its deliveries, oldest first (docs/API.md §5.2). */
    EventDetail event(TenantId tenant, EventId id);

    /**
     * Sends once now and records the attempt; with {@code notifyFailure}, a failure e-mails the owner, within the
     * same limits as any failure notice (the answer does not say whether one went out).
     */
    DeliveryView resend(TenantId tenant, DeliveryId id, boolean notifyFailure);

    /** An event of the history with its data. */
    record EventView(StoredEvent event, EventData data) {
    }

    /** An event with its deliveries, their attempts not included. */
    record EventDetail(EventView event, List<Delivery> deliveries) {
        public EventDetail {
            deliveries = List.copyOf(deliveries);
        }
    }

    /** A delivery with its event's data (shared by the views of one event) and its attempts, oldest first. */
    record DeliveryView(Delivery delivery, EventData data, List<Attempt> attempts) {
        public DeliveryView {
            attempts = List.copyOf(attempts);
        }
    }
}
