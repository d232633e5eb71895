package dev.herald.domain;

import java.util.List;
import java.util.Objects;

/** One problem with one input field: where it is ({@code ["body", "url"]}), what is wrong, and its kind. */
public record Violation(List<String> location, String message, String type) {
    public Violation {
        location = List.copyOf(location);
        Objects.requireNonNull(message);
        Objects.requireNonNull(type);
    }

    public static Violation ofBody(String field, String message, String type) {
        return new Violation(List.of("body", field), message, type);
    }

    public static Violation ofQuery(String field, String message, String type) {
        return new Violation(List.of("query", field), message, type);
    }
}
