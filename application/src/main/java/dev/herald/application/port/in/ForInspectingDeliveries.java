package dev.herald.application.port.in;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventData;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.List;
import java.util.stream.Stream;

/** Reading the delivery log and re-sending a delivery by hand (docs/API.md §6.8-6.7, the "events" family). */
public interface ForInspectingDeliveries {
    DeliveryView get(TenantId tenant, DeliveryId id);

    /**
     * The webhook's deliveries as the query asks, in order. The stream reads its events' data a few deliveries at a
     * time as it is consumed, so a page of large events is never held in memory at once; consume it once, promptly.
     */
    Stream<DeliveryView> list(TenantId tenant, WebhookId webhook, DeliveryQuery query);

    /**
     * Sends once now and records the attempt; with {@code notifyFailure}, a failure e-mails the owner, within the
     * same limits as any failure notice (the answer does not say whether one went out).
     */
    DeliveryView resend(TenantId tenant, DeliveryId id, boolean notifyFailure);

    /** A delivery with its event's data (shared by the views of one event) and its attempts, oldest first. */
    record DeliveryView(Delivery delivery, EventData data, List<Attempt> attempts) {
        public DeliveryView {
            attempts = List.copyOf(attempts);
        }
    }
}
