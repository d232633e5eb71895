package dev.herald.domain.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One try at sending a delivery: its HTTP status if one came back, otherwise the error, and the stored start of the response. */
public record Attempt(
        int number,
        Instant date,
        Optional<Integer> status,
        Optional<String> error,
        long durationMs,
        Optional<String> responseBody) {

    public Attempt {
        Objects.requireNonNull(date);
        Objects.requireNonNull(status);
        Objects.requireNonNull(error);
        Objects.requireNonNull(responseBody);
    }

    public boolean succeeded() {
        return status.filter(s -> s >= 200 && s < 300).isPresent();
    }
}
