package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForProbingDatabase;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Asks the database {@code SELECT 1}. Any failure means it does not answer; what is said of it is a fixed phrase per
 * kind of failure, never the driver's message (which names hosts and users) since {@code /health} needs no key.
 */
public final class JdbiDatabaseProbe implements ForProbingDatabase {
    private final Jdbi jdbi;

    JdbiDatabaseProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> problem() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    /** The first cause that tells what happened, in a few words (docs/API.md §8.3). */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "unreachable: connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unreachable: unknown host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "unreachable: no answer in time";
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("57P0")) {
                    return "unavailable: shutting down or starting";
                }
                if (state.startsWith("28")) {
                    return "refused: authentication failed";
                }
                if (state.startsWith("08")) {
                    return "unreachable: connection failed";
                }
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return "unavailable: no connection in time"; // the pool's wait ran out: overloaded, or no answer
            }
        }
        return "failing: " + failure.getClass().getSimpleName();
    }
}
