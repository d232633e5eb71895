package dev.herald.application.port.in;

import java.util.Optional;

/** Whether Herald can do its work: the database answers. */
public interface ForCheckingHealth {
    /** Empty when the database answers; otherwise why not, fit for {@code GET /health} (docs/API.md §8.3). */
    Optional<String> databaseProblem();

    default boolean isHealthy() {
        return databaseProblem().isEmpty();
    }
}
