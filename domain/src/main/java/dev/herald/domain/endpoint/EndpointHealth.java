package dev.herald.domain.endpoint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How an endpoint (one webhook's URL) has been answering, as its deliveries' real sends left it: the failures since
 * its last success, when that run of failures began and last grew, the probes sent since its circuit opened, and the
 * last error seen. Sends skipped while the circuit is open change nothing here.
 */
public record EndpointHealth(
        int consecutiveFailures,
        Optional<Instant> failingSince,
        Optional<Instant> lastFailureAt,
        int probes,
        Optional<String> lastError) {

    /** An endpoint with no failures since its last success (or never sent to). */
    public static final EndpointHealth HEALTHY =
            new EndpointHealth(0, Optional.empty(), Optional.empty(), 0, Optional.empty());

    public EndpointHealth {
        Objects.requireNonNull(failingSince);
        Objects.requireNonNull(lastFailureAt);
        Objects.requireNonNull(lastError);
        if (consecutiveFailures < 0 || probes < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** After a successful send: healthy again; the last error is kept for the tenant to read. */
    public EndpointHealth succeeded() {
        return new EndpointHealth(0, Optional.empty(), Optional.empty(), 0, lastError);
    }

    /** After a failed send made at {@code at}. */
    public EndpointHealth failed(Instant at, String error) {
        Instant latest = lastFailureAt.filter(at::isBefore).orElse(at);
        return new EndpointHealth(consecutiveFailures + 1, Optional.of(failingSince.orElse(at)),
                Optional.of(latest), probes, Optional.of(error));
    }

    /** After a probe was sent through a half-open circuit: the next cool-down is longer if it fails too. */
    public EndpointHealth probed() {
        return new EndpointHealth(consecutiveFailures, failingSince, lastFailureAt, probes + 1, lastError);
    }

    public boolean isFailing() {
        return consecutiveFailures > 0;
    }
}
