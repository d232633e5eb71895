package dev.herald.adapter.http;

import dev.herald.adapter.http.ValidationErrorBody.Problem;
import java.util.List;

/**
 * A request the adapter cannot even hand to the core (not JSON, a field of the wrong JSON type, a query value that is
 * not a number...): answered 422 like the core's violations, with one entry per problem.
 */
final class InvalidRequestException extends RuntimeException {
    private final transient List<Problem> problems;

    InvalidRequestException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid request" : problems.get(0).msg());
        this.problems = List.copyOf(problems);
    }

    InvalidRequestException(Problem problem) {
        this(List.of(problem));
    }

    List<Problem> problems() {
        return problems;
    }
}
