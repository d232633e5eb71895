package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.application.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptThrottleTest {
    private static final String CLIENT = "198.51.100.1";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-27T05:00:00Z"));
    private final FailedAttemptThrottle throttle = new FailedAttemptThrottle(3, Duration.ofMinutes(1), 100, clock);

    @Test
    void anAddressIsRefusedAtItsLimitUntilItsWindowEnds() {
        fail(CLIENT, 2);
        assertDoesNotThrow(() -> throttle.checkAllowed(CLIENT));

        fail(CLIENT, 1);

        assertEquals(60, refusal().retryAfterSeconds());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, refusal().retryAfterSeconds());
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.checkAllowed(CLIENT));
    }

    @Test
    void theWindowOpensAtTheFirstFailure() {
        fail(CLIENT, 1);
        clock.advance(Duration.ofSeconds(50));
        fail(CLIENT, 2);

        assertEquals(10, refusal().retryAfterSeconds());
    }

    @Test
    void failuresOfAnEndedWindowDoNotCount() {
        fail(CLIENT, 2);
        clock.advance(Duration.ofMinutes(1));
        fail(CLIENT, 2);

        assertDoesNotThrow(() -> throttle.checkAllowed(CLIENT));
    }

    @Test
    void otherAddressesAreNotAffected() {
        fail(CLIENT, 3);

        assertDoesNotThrow(() -> throttle.checkAllowed("198.51.100.2"));
    }

    @Test
    void theNumberOfTrackedAddressesIsCapped() {
        for (int i = 0; i < 1_000; i++) {
            fail("10.0." + (i / 256) + "." + (i % 256), 3);
        }

        assertEquals(100, throttle.trackedAddresses());
        assertThrows(TooManyFailedAttemptsException.class, () -> throttle.checkAllowed("10.0.3.231"));
        assertDoesNotThrow(() -> throttle.checkAllowed("10.0.0.0"), "the least recent is forgotten");
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertEquals(2, new TooManyFailedAttemptsException(Duration.ofMillis(1_500)).retryAfterSeconds());
        assertEquals(1, new TooManyFailedAttemptsException(Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(60, new TooManyFailedAttemptsException(Duration.ofSeconds(60)).retryAfterSeconds());
    }

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address);
        }
    }

    private TooManyFailedAttemptsException refusal() {
        return assertThrows(TooManyFailedAttemptsException.class, () -> throttle.checkAllowed(CLIENT));
    }
}
