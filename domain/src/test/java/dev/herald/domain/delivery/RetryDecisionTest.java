package dev.herald.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RetrySchedule#afterAttempt}: what a delivery becomes after a scheduled attempt. */
class RetryDecisionTest {
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant NOW = T0.plusSeconds(2);
    private final RetrySchedule twoRetries = new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 0);
    private final Delivery delivery = Delivery.of(new Event(EventId.generate(), new TenantId("acme"),
            EventType.PATIENT_CREATED, new EventData("{}"), T0, Optional.empty(), "f", 1), WebhookId.generate());

    private static Attempt answered(int number, int status) {
        return new Attempt(number, NOW, Optional.of(status), Optional.empty(), 5, Optional.empty());
    }

    private Delivery after(Attempt attempt, Optional<Duration> retryAfter) {
        return twoRetries.afterAttempt(delivery, attempt, retryAfter, NOW, new Random(1));
    }

    @Test
    void aSuccessDeliversAtTheAttemptsDate() {
        Delivery next = after(answered(1, 204), Optional.empty());
        assertEquals(DeliveryStatus.DELIVERED, next.status());
        assertEquals(Optional.of(NOW), next.deliveredDate());
        assertEquals(Optional.empty(), next.nextAttemptDate());
    }

    @Test
    void aFailureIsDueAgainAfterTheNextDelay() {
        Delivery next = after(answered(1, 500), Optional.empty());
        assertEquals(DeliveryStatus.PENDING, next.status());
        assertEquals(Optional.of(NOW.plusSeconds(10)), next.nextAttemptDate());
        assertEquals(1, next.attemptCount());
    }

    @Test
    void theLastAttemptsFailureFailsIt() {
        Delivery next = after(answered(3, 500), Optional.empty());
        assertEquals(DeliveryStatus.FAILED, next.status());
        assertEquals(Optional.empty(), next.nextAttemptDate());
    }

    @Test
    void goneFailsItAtOnce() {
        Delivery next = after(answered(1, 410), Optional.empty());
        assertEquals(DeliveryStatus.FAILED, next.status());
        assertEquals(Optional.empty(), next.nextAttemptDate());
    }

    @Test
    void retryAfterCountsOnlyOnTooManyRequestsAndUnavailable() {
        Optional<Duration> twoMinutes = Optional.of(Duration.ofMinutes(2));
        assertEquals(Optional.of(NOW.plusSeconds(120)), after(answered(1, 429), twoMinutes).nextAttemptDate());
        assertEquals(Optional.of(NOW.plusSeconds(120)), after(answered(1, 503), twoMinutes).nextAttemptDate());
        assertEquals(Optional.of(NOW.plusSeconds(10)), after(answered(1, 500), twoMinutes).nextAttemptDate());
    }

    @Test
    void anUnansweredAttemptIsRetried() {
        Attempt refused = new Attempt(1, NOW, Optional.empty(), Optional.of("connection refused"), 5, Optional.empty());
        assertEquals(DeliveryStatus.PENDING, after(refused, Optional.of(Duration.ofHours(1))).status());
        assertEquals(Optional.of(NOW.plusSeconds(10)),
                after(refused, Optional.of(Duration.ofHours(1))).nextAttemptDate());
    }
}
