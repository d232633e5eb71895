package dev.herald.application.port.out;

import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Shared memory of the failure notices sent, so that all nodes together keep to the limits: one notice per webhook
 * per window, and a handful per tenant per window across all its webhooks (the owner's address is unverified, so
 * notices must not become a way to mail-bomb it).
 */
public interface ForThrottlingNotices {
    /**
     * Atomically decides one failure notice of {@code webhook} (of {@code tenant}) at {@code now}. Held back when
     * the webhook's owner was told within the webhook window, or when the tenant was sent its maximum within the
     * tenant window; either way the failure is counted for the webhook's next notice. Otherwise records a notice
     * sent now.
     */
    Decision tryAcquire(TenantId tenant, WebhookId webhook, Instant now, Limits limits);

    /** At most one notice per webhook per {@code webhookWindow}; at most {@code perTenant} per tenant per {@code tenantWindow}. */
    record Limits(Duration webhookWindow, int perTenant, Duration tenantWindow) {
        public Limits {
            Objects.requireNonNull(webhookWindow, "webhookWindow");
            Objects.requireNonNull(tenantWindow, "tenantWindow");
            if (webhookWindow.isNegative() || webhookWindow.isZero() || tenantWindow.isNegative()
                    || tenantWindow.isZero() || perTenant < 1) {
                throw new IllegalArgumentException("notice limits must be positive: " + webhookWindow + ", "
                        + perTenant + " per " + tenantWindow);
            }
        }
    }

    /** What becomes of one notice. */
    sealed interface Decision {
        /** Send it, saying how many failures of the webhook were held back since its previous notice. */
        record Send(int heldBackSince) implements Decision {
        }

        /** The webhook's owner was told within the webhook window. */
        record WebhookToldRecently() implements Decision {
        }

        /** The tenant was sent its maximum within the tenant window; {@code heldBack} counts since its last notice. */
        record TenantLimitReached(int heldBack) implements Decision {
        }
    }
}
