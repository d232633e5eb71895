package dev.herald.application.port.out;

import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.util.List;
import java.util.Optional;

/** Webhooks, archived ones included, always looked up within one tenant. */
public interface ForStoringWebhooks {
    void insert(Webhook webhook);

    /** Replaces the stored webhook with the same id. */
    void update(Webhook webhook);

    /** The webhook, archived or not, if it belongs to {@code tenant}. */
    Optional<Webhook> find(TenantId tenant, WebhookId id);

    /** Oldest first. */
    List<Webhook> list(TenantId tenant, boolean includeArchived);

    /**
     * Oldest first, up to {@code limit} from right after {@code after} (docs/API.md §10), and where the next page
     * starts when there are more.
     */
    Page<Webhook> page(TenantId tenant, boolean includeArchived, int limit, Optional<ListPosition> after);

    /** The tenant's live webhooks subscribed to {@code type}. */
    List<Webhook> liveSubscribers(TenantId tenant, EventType type);

    /** How many live webhooks the tenant has. */
    int countLive(TenantId tenant);

    /** How many of the tenant's live webhooks are subscribed to {@code type}. */
    int countLiveSubscribers(TenantId tenant, EventType type);
}
