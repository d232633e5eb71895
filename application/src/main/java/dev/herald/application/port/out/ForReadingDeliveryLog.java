package dev.herald.application.port.out;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delivery log: every delivery, queued or finished, and its attempts, as {@link ForQueueingDeliveries} left them. */
public interface ForReadingDeliveryLog {
    Optional<Delivery> find(TenantId tenant, DeliveryId id);

    /** The webhook's deliveries, filtered, ordered and paged as the query says. */
    List<Delivery> list(TenantId tenant, WebhookId webhook, DeliveryQuery query);

    /** The attempts of each given delivery, oldest first; deliveries without attempts map to an empty list. */
    Map<DeliveryId, List<Attempt>> attempts(Collection<DeliveryId> deliveries);
}
