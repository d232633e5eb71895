package dev.herald.application.port.out;

import dev.herald.domain.Page;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventId;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delivery log: every delivery, queued or finished, and its attempts, as {@link ForQueueingDeliveries} left them. */
public interface ForReadingDeliveryLog {
    Optional<Delivery> find(TenantId tenant, DeliveryId id);

    /**
     * The webhook's deliveries, filtered, ordered and paged as the query says, and where the next page starts when
     * there are more.
     */
    Page<Delivery> page(TenantId tenant, WebhookId webhook, DeliveryQuery query);

    /** The page's deliveries only. */
    default List<Delivery> list(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        return page(tenant, webhook, query).items();
    }

    /** The tenant's deliveries of one event, oldest first (none for another tenant's event). */
    List<Delivery> ofEvent(TenantId tenant, EventId event);

    /** The attempts of each given delivery, oldest first; deliveries without attempts map to an empty list. */
    Map<DeliveryId, List<Attempt>> attempts(Collection<DeliveryId> deliveries);
}
