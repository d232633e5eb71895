package dev.herald.application.port.out;

import dev.herald.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** Shared memory of when each webhook's owner was last e-mailed, so all nodes send at most one notice per window. */
public interface ForThrottlingNotices {
    /**
     * Atomically: if no notice went out for {@code webhook} within {@code window} before {@code now}, records one
     * now and returns how many failures were held back since the previous notice; otherwise counts this failure
     * as held back and returns empty.
     */
    OptionalInt tryAcquire(WebhookId webhook, Instant now, Duration window);
}
