package dev.herald.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed authentications per client address so that keys cannot be guessed at network speed. An address that
 * failed {@code maxFailures} times within a window (which opens at its first failure) is refused until the window
 * ends, whatever it presents: a throttle the right key could pass would only slow the guessing down until the first
 * hit. A success does not clear the count, or a caller holding one valid key could keep guessing another.
 *
 * <p>At most {@code maxAddresses} addresses are tracked; beyond that the one that failed least recently is forgotten.
 * A caller able to use that many addresses is beyond what counting per address can stop anyway.
 */
final class FailedAttemptThrottle {
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failuresByAddress;

    FailedAttemptThrottle(int maxFailures, Duration window, int maxAddresses, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException("the limits of a throttle must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.failuresByAddress = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Throws {@link TooManyFailedAttemptsException} while {@code address} is refused. */
    synchronized void checkAllowed(String address) {
        Failures failures = failuresByAddress.get(address);
        if (failures == null) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(failures.windowEnd())) {
            failuresByAddress.remove(address);
        } else if (failures.count() >= maxFailures) {
            throw new TooManyFailedAttemptsException(Duration.between(now, failures.windowEnd()));
        }
    }

    synchronized void recordFailure(String address) {
        Instant now = clock.instant();
        Failures failures = failuresByAddress.get(address);
        failuresByAddress.put(address, failures == null || !now.isBefore(failures.windowEnd())
                ? new Failures(now.plus(window), 1)
                : new Failures(failures.windowEnd(), failures.count() + 1));
    }

    synchronized int trackedAddresses() {
        return failuresByAddress.size();
    }

    private record Failures(Instant windowEnd, int count) {
    }
}
