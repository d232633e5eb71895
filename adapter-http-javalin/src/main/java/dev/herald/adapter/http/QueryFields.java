package dev.herald.adapter.http;

import dev.herald.adapter.http.ValidationErrorBody.Problem;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The query parameters of a request, read by type; every bad value is collected as its own violation. */
final class QueryFields {
    private final Context ctx;
    private final List<Problem> problems = new ArrayList<>();

    QueryFields(Context ctx) {
        this.ctx = ctx;
    }

    /** The parameter's value, empty when it is not in the query (an empty value is a bad value, not an absent one). */
    <T> Optional<T> optional(String name, QueryKind<T> kind) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(kind.parse().apply(text));
        } catch (InvalidInputException e) {
            e.violations().forEach(violation -> problems.add(Problem.inQuery(name, violation)));
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(new Problem(List.of("query", name), name + " must be " + kind.expected(), kind.type()));
        }
        return Optional.empty();
    }

    <T> T optional(String name, QueryKind<T> kind, T fallback) {
        return optional(name, kind).orElse(fallback);
    }

    /** Adds the core's violations of parameters (e.g. the query's own range checks) to report them together. */
    void addAll(List<Violation> more) {
        more.forEach(violation -> problems.add(Problem.inQuery(violation.field(), violation)));
    }

    /** The parameter's text as given, null when absent. */
    String text(String name) {
        return ctx.queryParam(name);
    }

    /** A problem found apart from parsing one parameter's value. */
    void add(Problem problem) {
        problems.add(problem);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
