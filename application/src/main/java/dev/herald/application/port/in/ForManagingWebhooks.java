package dev.herald.application.port.in;

import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.endpoint.CircuitState;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registering and maintaining a tenant's webhooks (docs/API.md §4). Another tenant's webhook is "not found". */
public interface ForManagingWebhooks {
    Webhook create(TenantId tenant, CreateWebhook command);

    Webhook get(TenantId tenant, WebhookId id);

    Webhook update(TenantId tenant, WebhookId id, UpdateWebhook command);

    /** Oldest first; archived ones only when asked. */
    List<Webhook> list(TenantId tenant, boolean includeArchived);

    /** A page of {@link #list}: up to {@code limit} from right after {@code after} (docs/API.md §10). */
    Page<Webhook> page(TenantId tenant, boolean includeArchived, int limit, Optional<ListPosition> after);

    /** Archives the webhook and cancels its queued deliveries; its history stays readable. */
    void delete(TenantId tenant, WebhookId id);

    /** A new secret; the old one keeps signing for {@code grace} (0 to 7 days). */
    Webhook rotateSecret(TenantId tenant, WebhookId id, Duration grace);

    /**
     * Turns a disabled webhook back on (docs/API.md §4.9): the deliveries held meanwhile and new ones are sent again,
     * and its endpoint starts afresh (circuit closed, failures forgotten). Enabling an enabled one changes nothing.
     */
    Webhook enable(TenantId tenant, WebhookId id);

    /**
     * Sends again, one more attempt each, the webhook's deliveries that finally failed and were created at or after
     * {@code since}; how many (docs/API.md §4.10).
     */
    int recover(TenantId tenant, WebhookId id, Instant since);

    /** How the tenant's endpoints among {@code ids} have been answering (docs/API.md §4.1, {@code health}). */
    Map<WebhookId, EndpointStatus> health(TenantId tenant, List<WebhookId> ids);

    /** An endpoint's circuit and its run of failures since its last success; none when it is healthy. */
    record EndpointStatus(CircuitState circuit, int consecutiveFailures, Optional<Instant> failingSince,
                          Optional<String> lastError) {
    }

    /** Raw input; every problem is reported at once as one violation each. */
    record CreateWebhook(String url, List<String> subscriptions, String notificationEmail, Long rateLimit,
                         Map<String, String> headers) {
        /** Without a rate limit. */
        public CreateWebhook(String url, List<String> subscriptions, String notificationEmail) {
            this(url, subscriptions, notificationEmail, null);
        }

        /** Without headers of the tenant's own. */
        public CreateWebhook(String url, List<String> subscriptions, String notificationEmail, Long rateLimit) {
            this(url, subscriptions, notificationEmail, rateLimit, null);
        }
    }

    /**
     * Raw input; {@code null} url or subscriptions leave them unchanged. {@code notificationEmailGiven} tells an
     * omitted e-mail (unchanged) from an explicit null (cleared); {@code headersGiven} likewise for the headers, which
     * a given map replaces whole (null or empty: none).
     */
    record UpdateWebhook(String url, List<String> subscriptions, boolean notificationEmailGiven,
                         String notificationEmail, Boolean disabled, boolean rateLimitGiven, Long rateLimit,
                         boolean headersGiven, Map<String, String> headers) {
        /** Leaving the headers unchanged. */
        public UpdateWebhook(String url, List<String> subscriptions, boolean notificationEmailGiven,
                             String notificationEmail, Boolean disabled, boolean rateLimitGiven, Long rateLimit) {
            this(url, subscriptions, notificationEmailGiven, notificationEmail, disabled, rateLimitGiven, rateLimit,
                    false, null);
        }
    }
}
