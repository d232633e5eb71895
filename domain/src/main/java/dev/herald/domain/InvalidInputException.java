package dev.herald.domain;

import java.util.List;

/** Input that breaks a rule; carries one {@link Violation} per problem. */
public class InvalidInputException extends HeraldException {
    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }

    /** A problem with a body field. */
    public static InvalidInputException body(String field, String message, String type) {
        return new InvalidInputException(Violation.ofBody(field, message, type));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same problems, reported at another field (for value objects that do not know their field name). */
    public InvalidInputException at(String... location) {
        return new InvalidInputException(violations.stream()
                .map(v -> new Violation(List.of(location), v.message(), v.type()))
                .toList());
    }
}
