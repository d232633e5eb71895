package dev.herald.application.port.in;

import dev.herald.domain.ListPosition;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A page of a list as a stream read while it is consumed (consume it once, promptly), and where the next page starts
 * when there are more (docs/API.md §10).
 */
public record Listing<T>(Stream<T> items, Optional<ListPosition> next) {
    public Listing {
        Objects.requireNonNull(items);
        Objects.requireNonNull(next);
    }
}
