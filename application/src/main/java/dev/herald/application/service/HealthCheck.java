package dev.herald.application.service;

import dev.herald.application.port.in.ForCheckingHealth;
import dev.herald.application.port.out.ForProbingDatabase;
import java.util.Optional;

/** Herald is healthy when its database answers. */
final class HealthCheck implements ForCheckingHealth {
    private final ForProbingDatabase database;

    HealthCheck(ForProbingDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<String> databaseProblem() {
        try {
            return database.problem();
        } catch (RuntimeException e) {
            return Optional.of("failing: " + e.getClass().getSimpleName());
        }
    }
}
