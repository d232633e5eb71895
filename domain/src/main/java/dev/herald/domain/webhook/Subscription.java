package dev.herald.domain.webhook;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import dev.herald.domain.event.EventType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The event types one webhook wants: at least one, duplicates collapsed, kept in the seed's order. */
public record Subscription(Set<EventType> eventTypes) {
    public Subscription {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw InvalidInputException.of("subscriptions", Violation.Rule.TOO_FEW_ITEMS,
                    "subscriptions must name at least one event type");
        }
        eventTypes = java.util.Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
    }

    public static Subscription of(Collection<EventType> types) {
        return new Subscription(types.isEmpty() ? Set.of() : EnumSet.copyOf(types));
    }

    public static Subscription of(EventType... types) {
        return of(List.of(types));
    }

    public boolean includes(EventType type) {
        return eventTypes.contains(type);
    }

    /** In the seed's order. */
    public List<EventType> asList() {
        return List.copyOf(eventTypes);
    }
}
