package dev.herald.adapter.http;

import dev.herald.domain.Violation;
import java.util.List;

/** The 422 answer: one entry per problem, {@code {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}}. */
record ValidationErrorBody(List<Problem> detail) {
    static ValidationErrorBody from(List<Violation> violations) {
        return new ValidationErrorBody(violations.stream().map(Problem::from).toList());
    }

    record Problem(List<Object> loc, String msg, String type) {
        /** Array indices are written as numbers, as FastAPI (the API being mirrored) does: {@code ["body","subscriptions",1]}. */
        static Problem from(Violation violation) {
            List<Object> loc = violation.location().stream()
                    .<Object>map(part -> part.matches("\\d{1,9}") ? Integer.valueOf(part) : part)
                    .toList();
            return new Problem(loc, violation.message(), violation.type());
        }
    }
}
