package dev.herald.domain;

import dev.herald.domain.Violation.Rule;
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

    /** One problem with one field. */
    public static InvalidInputException of(String field, Rule rule, String message) {
        return new InvalidInputException(new Violation(field, rule, message));
    }

    public List<Violation> violations() {
        return violations;
    }
}
