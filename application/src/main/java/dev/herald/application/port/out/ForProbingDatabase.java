package dev.herald.application.port.out;

import java.util.Optional;

/** Asks the database a trivial question. */
public interface ForProbingDatabase {
    /**
     * Empty when the database answers; otherwise why not, in a few words fit to show without authentication (e.g.
     * {@code "unreachable: connection refused"}): no host, user or SQL. Throws nothing.
     */
    Optional<String> problem();
}
