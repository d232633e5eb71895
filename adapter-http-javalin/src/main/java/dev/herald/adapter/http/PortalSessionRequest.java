package dev.herald.adapter.http;

import dev.herald.domain.tenant.PortalToken;
import java.time.Duration;
import java.util.Optional;

/** The optional body of {@code POST /v1/portal/session} (docs/API.md §2.4): how long the session lasts. */
record PortalSessionRequest(long expiresInSeconds) {
    static PortalSessionRequest from(Optional<JsonFields> body) {
        if (body.isEmpty()) {
            return new PortalSessionRequest(PortalToken.DEFAULT_LIFETIME.toSeconds());
        }
        Long seconds = body.get().optional("expiresInSeconds", JsonKind.INTEGER);
        body.get().validate();
        return new PortalSessionRequest(seconds == null ? PortalToken.DEFAULT_LIFETIME.toSeconds() : seconds);
    }

    /** The range (1 s to a day) is the domain's rule; this only turns seconds into a duration. */
    Duration lifetime() {
        return Duration.ofSeconds(expiresInSeconds);
    }
}
