package dev.herald.application.service;

import dev.herald.domain.UnavailableException;
import java.time.Duration;

/**
 * The delivery workers' view of a queue (a database) that keeps failing: how long to pause before the next try,
 * doubling from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}, so that an outage costs a few queries a second
 * rather than a tight loop; and one WARN when it begins, one INFO when it ends, instead of a line per failed try
 * (docs/API.md §3). Shared by a node's claiming and recording threads.
 */
final class QueueOutage {
    private static final System.Logger LOG = System.getLogger(DeliveryDispatcher.class.getName());
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private int failures;
    private long sinceNanos;

    /** A try failed: logged if it is the first of a run; the pause to take before the next. */
    synchronized Duration failed(String what, Throwable cause) {
        if (failures == 0) {
            sinceNanos = System.nanoTime();
            String message = what + " failed (" + summary(cause) + "); delivery pauses and tries again, waiting up to "
                    + LONGEST_PAUSE.toSeconds() + " s between tries";
            if (cause instanceof UnavailableException) {
                // The driver's messages may quote a statement's bound values (tenants' data): the kinds say enough.
                LOG.log(System.Logger.Level.WARNING, message);
            } else {
                LOG.log(System.Logger.Level.WARNING, message, cause); // not an outage: a fault worth its trace
            }
        } else {
            LOG.log(System.Logger.Level.DEBUG, what + " failed again ({0} in a row): {1}", failures + 1,
                    summary(cause));
        }
        failures++;
        return pause();
    }

    /** A try worked: the end of an outage, if there was one. */
    synchronized void ended() {
        if (failures > 0) {
            long seconds = Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
            LOG.log(System.Logger.Level.INFO, "the database answers again after {0} s ({1} failed tries); delivering",
                    seconds, failures);
            failures = 0;
        }
    }

    /** The kind of failure and of its root cause, e.g. "database unavailable: ConnectException". */
    static String summary(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        String kind = failure instanceof UnavailableException ? "database unavailable"
                : failure.getClass().getSimpleName();
        return root == failure ? kind : kind + ": " + root.getClass().getSimpleName();
    }

    /** Whether the last try failed. */
    synchronized boolean ongoing() {
        return failures > 0;
    }

    /** The pause after the latest failure: {@link #FIRST_PAUSE} doubled per failure since the first, capped. */
    synchronized Duration pause() {
        if (failures == 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 16);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
