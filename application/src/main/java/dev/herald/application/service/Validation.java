package dev.herald.application.service;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Checks several inputs and reports every problem at once, instead of stopping at the first. */
final class Validation {
    private final List<Violation> problems = new ArrayList<>();

    /** The value {@code check} builds, or null after recording why it could not. */
    <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
            return null;
        }
    }

    /** Records that a required input was not given; returns null in its place. */
    <T> T missing(String field) {
        problems.add(new Violation(field, Violation.Rule.REQUIRED, "field required"));
        return null;
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
