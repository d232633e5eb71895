package dev.herald.application.port.out;

import dev.herald.domain.delivery.DeliveryBody;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one delivery attempt. Never follows redirects, enforces the timeouts, refuses blocked addresses
 * (the failure is then reported with {@link #DESTINATION_NOT_ALLOWED}). Never completes exceptionally.
 */
public interface ForSendingHttp {
    String DESTINATION_NOT_ALLOWED = "destination address not allowed";

    CompletableFuture<HttpResult> post(OutboundRequest request);

    /** A POST of {@code body}, sent part by part (its event data part is shared with other deliveries). */
    record OutboundRequest(URI url, Map<String, String> headers, DeliveryBody body) {
    }

    /**
     * The outcome: a status when a response came back (any status), otherwise an error; the start of the response
     * body (at most 4 KiB); the receiver's Retry-After, if it sent one we could read.
     */
    record HttpResult(Optional<Integer> status, Optional<String> error, Optional<String> responseBody,
                      Optional<Duration> retryAfter, long durationMs) {
        public static HttpResult failed(String error, long durationMs) {
            return new HttpResult(Optional.empty(), Optional.of(error), Optional.empty(), Optional.empty(),
                    durationMs);
        }
    }
}
