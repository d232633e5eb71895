package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.UnavailableException;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Webhooks in insertion order (the tie-break for equal creation dates, as in the database); synchronized. */
public final class InMemoryWebhookStore implements ForStoringWebhooks {
    /** How many finds still work before the database goes away; negative: it never does. */
    private int findsBeforeOutage = -1;

    /** The next {@code count} finds work; the ones after fail as over a database that went away. */
    public synchronized void goUnavailableAfterFinds(int count) {
        findsBeforeOutage = count;
    }

    private final Map<WebhookId, Webhook> webhooks = TransactionalMap.over(new LinkedHashMap<>(), this);

    @Override
    public synchronized void insert(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public synchronized void update(Webhook webhook) {
        webhooks.replace(webhook.id(), webhook);
    }

    @Override
    public synchronized Optional<Webhook> find(TenantId tenant, WebhookId id) {
        if (findsBeforeOutage == 0) {
            throw new UnavailableException("Herald's database is unavailable or overloaded; retry later",
                    new IllegalStateException("database unreachable (simulated)"));
        }
        findsBeforeOutage--;
        return stored(tenant, id);
    }

    /** The webhook as stored, for the in-memory queue, which shares this "database" but not its simulated outage. */
    synchronized Optional<Webhook> stored(TenantId tenant, WebhookId id) {
        return Optional.ofNullable(webhooks.get(id)).filter(w -> w.tenant().equals(tenant));
    }

    @Override
    public List<Webhook> list(TenantId tenant, boolean includeArchived) {
        return select(tenant, w -> includeArchived || w.isLive());
    }

    @Override
    public synchronized Page<Webhook> page(TenantId tenant, boolean includeArchived, int limit,
                                           Optional<ListPosition> after) {
        return InMemoryKeyset.page(List.copyOf(webhooks.values()),
                w -> w.tenant().equals(tenant) && (includeArchived || w.isLive()),
                w -> Optional.of(w.createdDate()), false, after, 0, limit);
    }

    @Override
    public List<Webhook> liveSubscribers(TenantId tenant, EventType type) {
        return select(tenant, w -> w.isLive() && w.subscription().includes(type));
    }

    @Override
    public int countLive(TenantId tenant) {
        return select(tenant, Webhook::isLive).size();
    }

    @Override
    public int countLiveSubscribers(TenantId tenant, EventType type) {
        return liveSubscribers(tenant, type).size();
    }

    /** Every tenant's webhooks, archived ones too. */
    public synchronized List<Webhook> all() {
        return List.copyOf(webhooks.values());
    }

    private synchronized List<Webhook> select(TenantId tenant, Predicate<Webhook> wanted) {
        return webhooks.values().stream()
                .filter(w -> w.tenant().equals(tenant))
                .filter(wanted)
                .sorted(Comparator.comparing(Webhook::createdDate)) // stable: insertion order breaks ties
                .toList();
    }
}
