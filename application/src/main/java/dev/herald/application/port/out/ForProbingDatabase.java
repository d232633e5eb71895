package dev.herald.application.port.out;

/** Asks the database a trivial question; false when it does not answer. */
public interface ForProbingDatabase {
    boolean answers();
}
