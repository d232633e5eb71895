package dev.herald.server.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for asynchronous work by polling with a deadline (never a fixed sleep). */
public final class Poll {
    private static final long INTERVAL_MILLIS = 20;

    private Poll() {
    }

    /** Probes until {@code done} holds and returns that value; fails after {@code timeout} showing the last one. */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<? super T> done, String what) {
        T value = latest(timeout, probe, done);
        if (!done.test(value)) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + value);
        }
        return value;
    }

    /** Probes until {@code done} holds or {@code timeout} passed; the last value, for the caller to judge. */
    public static <T> T latest(Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value) || System.nanoTime() > deadline) {
                return value;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
