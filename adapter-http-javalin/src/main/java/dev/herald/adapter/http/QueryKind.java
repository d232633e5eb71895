package dev.herald.adapter.http;

import dev.herald.domain.event.EventType;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The type a query parameter must have. {@code parse} throws {@link IllegalArgumentException} or
 * {@link java.time.DateTimeException} for text it rejects ({@code expected} then explains), or an
 * {@link dev.herald.domain.InvalidInputException} carrying its own message.
 */
record QueryKind<T>(Function<String, T> parse, String expected, String type) {
    static final QueryKind<Integer> INTEGER = new QueryKind<>(Integer::valueOf, "an integer", "type_error.integer");

    static final QueryKind<Boolean> BOOLEAN = new QueryKind<>(QueryKind::parseBoolean, "true or false",
            "type_error.bool");

    static final QueryKind<Instant> DATE_TIME = new QueryKind<>(ApiTime::parse, ApiTime.EXPECTED,
            "value_error.datetime");

    static final QueryKind<String> TEXT = new QueryKind<>(Function.identity(), "text", "type_error.str");

    static final QueryKind<EventType> EVENT_TYPE = new QueryKind<>(EventType::parse, "an event type",
            "type_error.enum");

    /** One of the given lower-case names (matched ignoring case). */
    static <E> QueryKind<E> oneOf(Map<String, E> values) {
        return new QueryKind<>(text -> {
            E value = values.get(text.toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new IllegalArgumentException(text);
            }
            return value;
        }, "one of " + String.join(", ", new TreeSet<>(values.keySet())), "type_error.enum");
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }


}
