package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForProbingDatabase;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What happened, in a few words (docs/API.md §8.3): the network's failure if one is among the causes, else the
     * SQL state's class, else the pool's wait running out.
     */
    static String describe(Throwable failure) {
        List<Throwable> causes = causes(failure);
        for (Throwable cause : causes) {
            if (cause instanceof ConnectException) {
                return "unreachable: connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unreachable: unknown host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "unreachable: no answer in time";
            }
        }
        for (Throwable cause : causes) {
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
        if (causes.stream().anyMatch(SQLTransientConnectionException.class::isInstance)) {
            return "unavailable: no connection in time"; // the pool's wait ran out: overloaded, or no answer
        }
        return "failing: " + failure.getClass().getSimpleName();
    }

    /** The failure and its causes, outermost first (at most 32: a chain may loop). */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && causes.size() < 32; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
