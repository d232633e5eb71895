package dev.herald.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a page of a list ended: the last item's sort date (empty when the item has none, such as an undelivered
 * delivery listed by delivered date) and its insertion sequence, which breaks ties. The next page starts after it
 * (keyset paging, docs/API.md §10), so rows added meanwhile neither shift nor repeat what a reader already saw.
 */
public record ListPosition(Optional<Instant> date, long seq) {
    public ListPosition {
        Objects.requireNonNull(date);
    }

    public static ListPosition at(Instant date, long seq) {
        return new ListPosition(Optional.of(date), seq);
    }
}
