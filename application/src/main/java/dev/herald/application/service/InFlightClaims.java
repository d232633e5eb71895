package dev.herald.application.service;

import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The claims this node is sending and has not yet recorded; a stopping node waits for them to drain. */
final class InFlightClaims {
    private final Set<Claim> claims = new HashSet<>();

    synchronized void addAll(Collection<Claim> started) {
        claims.addAll(started);
    }

    synchronized void removeAll(Collection<Claim> done) {
        done.forEach(claims::remove);
        if (claims.isEmpty()) {
            notifyAll();
        }
    }

    synchronized int size() {
        return claims.size();
    }

    synchronized List<Claim> snapshot() {
        return List.copyOf(claims);
    }

    synchronized void clear() {
        claims.clear();
    }

    /**
     * Waits until none is left or {@code deadlineNanos} (of {@link System#nanoTime}) passes, whichever is first. An
     * interrupt does not cut the grace short (a stopping server's thread may carry one); it is kept for the caller.
     */
    synchronized void awaitEmpty(long deadlineNanos) {
        boolean interrupted = false;
        long left;
        while (!claims.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
