package dev.herald.adapter.http;

import java.time.Duration;
import java.util.Optional;

/** The optional body of rotate-secret: how long the old secret keeps signing (docs/API.md §4.7, default one day). */
record RotateSecretRequest(long graceSeconds) {
    static final long DEFAULT_GRACE_SECONDS = 86_400;

    static RotateSecretRequest from(Optional<JsonFields> body) {
        if (body.isEmpty()) {
            return new RotateSecretRequest(DEFAULT_GRACE_SECONDS);
        }
        Long grace = body.get().optional("graceSeconds", JsonKind.INTEGER);
        body.get().validate();
        return new RotateSecretRequest(grace == null ? DEFAULT_GRACE_SECONDS : grace);
    }

    /** The range (0 to 7 days) is the domain's rule; this only turns seconds into a duration. */
    Duration grace() {
        return Duration.ofSeconds(graceSeconds);
    }
}
