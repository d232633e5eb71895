package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForProbingDatabase;
import org.jdbi.v3.core.Jdbi;

/** Asks the database {@code SELECT 1}; any failure means it does not answer. */
public final class JdbiDatabaseProbe implements ForProbingDatabase {
    private final Jdbi jdbi;

    JdbiDatabaseProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean answers() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
