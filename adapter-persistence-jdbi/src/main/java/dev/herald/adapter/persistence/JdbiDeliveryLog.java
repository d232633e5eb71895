package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.domain.Page;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventId;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delivery log: {@code deliveries} and their {@code attempts}, as {@link JdbiDeliveryQueue} wrote them. */
public final class JdbiDeliveryLog implements ForReadingDeliveryLog {
    private final TransactionScope scope;

    JdbiDeliveryLog(TransactionScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<Delivery> find(TenantId tenant, DeliveryId id) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + DeliveryRows.DELIVERY_COLUMNS
                        + " FROM deliveries WHERE id = :id AND tenant = :tenant")
                .bind("id", id.value())
                .bind("tenant", tenant.value())
                .map(DeliveryRows::delivery)
                .findOne());
    }

    @Override
    public Page<Delivery> page(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        return scope.inTransaction(h -> DeliveryListSql.page(h, tenant, webhook, query));
    }

    @Override
    public List<Delivery> ofEvent(TenantId tenant, EventId event) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + DeliveryRows.DELIVERY_COLUMNS
                        + " FROM deliveries WHERE event_id = :event AND tenant = :tenant ORDER BY seq")
                .bind("event", event.value())
                .bind("tenant", tenant.value())
                .map(DeliveryRows::delivery)
                .list());
    }

    @Override
    public Map<DeliveryId, List<Attempt>> attempts(Collection<DeliveryId> ids) {
        Map<DeliveryId, List<Attempt>> result = new LinkedHashMap<>();
        ids.forEach(id -> result.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return result;
        }
        scope.inTransaction(h -> h.createQuery("SELECT " + DeliveryRows.ATTEMPT_COLUMNS + " FROM attempts"
                        + " WHERE delivery_id IN (<ids>) ORDER BY delivery_id, attempt_number, id")
                .bindList("ids", ids.stream().map(DeliveryId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(new DeliveryId(rs.getString("delivery_id")),
                        DeliveryRows.attempt(rs, ctx)))
                .list())
                .forEach(row -> result.get(row.getKey()).add(row.getValue()));
        result.replaceAll((id, list) -> List.copyOf(list));
        return result;
    }
}
