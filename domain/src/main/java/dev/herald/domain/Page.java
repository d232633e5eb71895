package dev.herald.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a list, and where the next page starts; {@code next} is empty on the last page. */
public record Page<T>(List<T> items, Optional<ListPosition> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next);
    }

    /**
     * The page of {@code limit} items from {@code read}, which holds up to one item more to tell whether another
     * page follows; {@code position} gives an item's place in the list.
     */
    public static <T> Page<T> of(List<T> read, int limit, java.util.function.Function<T, ListPosition> position) {
        if (read.size() <= limit) {
            return new Page<>(read, Optional.empty());
        }
        List<T> page = read.subList(0, limit);
        return new Page<>(page, Optional.of(position.apply(page.get(limit - 1))));
    }
}
