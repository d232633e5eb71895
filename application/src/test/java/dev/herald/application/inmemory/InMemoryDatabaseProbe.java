package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForProbingDatabase;
import java.util.Optional;

/** A database that answers until told to go down. */
public final class InMemoryDatabaseProbe implements ForProbingDatabase {
    /** What a probe of this database says while it is down. */
    public static final String DOWN = "unreachable: connection refused";

    private volatile boolean up = true;

    @Override
    public Optional<String> problem() {
        return up ? Optional.empty() : Optional.of(DOWN);
    }

    public void setUp(boolean answers) {
        this.up = answers;
    }
}
