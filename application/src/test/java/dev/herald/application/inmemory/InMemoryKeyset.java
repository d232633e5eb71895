package dev.herald.application.inmemory;

import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Pages of a list in memory as the database makes them: ordered by a date (items without it last either way) and
 * then by insertion, both in the list's direction; a page starts at an offset or right after a position.
 */
final class InMemoryKeyset {
    private InMemoryKeyset() {
    }

    /**
     * The page of the {@code wanted} items of {@code inInsertionOrder} (an item's seq is its index there, so that it
     * stays the same while items are added) that the arguments ask for.
     */
    static <T> Page<T> page(List<T> inInsertionOrder, Predicate<T> wanted, Function<T, Optional<Instant>> date,
                            boolean descending, Optional<ListPosition> after, int offset, int limit) {
        Comparator<ListPosition> order = order(descending);
        List<Positioned<T>> read = IntStream.range(0, inInsertionOrder.size())
                .mapToObj(i -> new Positioned<>(inInsertionOrder.get(i),
                        new ListPosition(date.apply(inInsertionOrder.get(i)), i)))
                .filter(p -> wanted.test(p.item()))
                .filter(p -> after.map(a -> order.compare(p.position(), a) > 0).orElse(true))
                .sorted(Comparator.comparing(Positioned::position, order))
                .skip(offset)
                .limit(limit + 1L)
                .toList();
        Page<Positioned<T>> page = Page.of(read, limit, Positioned::position);
        return new Page<>(page.items().stream().map(Positioned::item).toList(), page.next());
    }

    private static Comparator<ListPosition> order(boolean descending) {
        Comparator<Instant> dates = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<Long> seqs = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((ListPosition p) -> p.date().orElse(null), Comparator.nullsLast(dates))
                .thenComparing(ListPosition::seq, seqs);
    }

    private record Positioned<T>(T item, ListPosition position) {
    }
}
