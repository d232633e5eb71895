package dev.herald.adapter.http;

import dev.herald.domain.delivery.DeliveryBody;
import java.time.Instant;
import java.util.Optional;

/** Times as every answer writes them: ISO-8601 UTC with milliseconds and Z, or null when there is none. */
final class ApiTime {
    private ApiTime() {
    }

    static String of(Instant instant) {
        return DeliveryBody.isoMillis(instant);
    }

    static String of(Optional<Instant> instant) {
        return instant.map(ApiTime::of).orElse(null);
    }
}
