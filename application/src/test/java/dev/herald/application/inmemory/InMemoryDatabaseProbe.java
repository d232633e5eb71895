package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForProbingDatabase;

/** A database that answers until told to go down. */
public final class InMemoryDatabaseProbe implements ForProbingDatabase {
    private volatile boolean up = true;

    @Override
    public boolean answers() {
        return up;
    }

    public void setUp(boolean answers) {
        this.up = answers;
    }
}
