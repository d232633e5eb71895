package dev.herald.application.service;

import dev.herald.application.port.in.ForCheckingHealth;
import dev.herald.application.port.out.ForProbingDatabase;

/** Herald is healthy when its database answers. */
final class HealthCheck implements ForCheckingHealth {
    private final ForProbingDatabase database;

    HealthCheck(ForProbingDatabase database) {
        this.database = database;
    }

    @Override
    public boolean isHealthy() {
        try {
            return database.answers();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
