package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.concurrently;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.WebhookId;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ForThrottlingNotices} does. */
public abstract class NoticeThrottleContract {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final WebhookId webhook = WebhookId.generate();
    private ForThrottlingNotices throttle;

    /** A throttle that has never sent a notice. */
    protected abstract ForThrottlingNotices freshThrottle();

    @BeforeEach
    void startFresh() {
        throttle = freshThrottle();
    }

    @Test
    void theFirstNoticeGoesOutWithNothingHeldBack() {
        assertEquals(OptionalInt.of(0), throttle.tryAcquire(webhook, minutes(0), WINDOW));
    }

    @Test
    void noticesWithinTheWindowAreHeldBackAndCountedInTheNextOne() {
        throttle.tryAcquire(webhook, minutes(0), WINDOW);
        assertEquals(OptionalInt.empty(), throttle.tryAcquire(webhook, minutes(1), WINDOW));
        assertEquals(OptionalInt.empty(), throttle.tryAcquire(webhook, minutes(14), WINDOW));
        assertEquals(OptionalInt.of(2), throttle.tryAcquire(webhook, minutes(15), WINDOW));
        assertEquals(OptionalInt.empty(), throttle.tryAcquire(webhook, minutes(29), WINDOW));
        assertEquals(OptionalInt.of(1), throttle.tryAcquire(webhook, minutes(31), WINDOW));
    }

    @Test
    void eachWebhookHasItsOwnWindow() {
        throttle.tryAcquire(webhook, minutes(0), WINDOW);
        assertEquals(OptionalInt.of(0), throttle.tryAcquire(WebhookId.generate(), minutes(1), WINDOW));
    }

    @Test
    void concurrentFailuresSendOneNotice() throws Exception {
        long sent = concurrently(8, () -> throttle.tryAcquire(webhook, minutes(0), WINDOW)).stream()
                .filter(OptionalInt::isPresent)
                .count();
        assertEquals(1, sent);
        assertEquals(OptionalInt.of(7), throttle.tryAcquire(webhook, minutes(20), WINDOW));
    }
}
