package dev.herald.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a delivery moves: each attempt's outcome, the end of its retries, a manual re-send, its webhook's deletion. */
class DeliveryTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = CREATED.plus(Duration.ofMinutes(1));
    private static final Instant RETRY_AT = CREATED.plus(Duration.ofMinutes(5));
    private static final Event EVENT = new Event(EventId.generate(), new TenantId("acme"), EventType.PATIENT_CREATED,
            new EventData("{\"a\":1}"), CREATED, Optional.empty(), "fingerprint", 1);
    private static final WebhookId WEBHOOK = WebhookId.generate();

    private static Attempt answered(int number, int status) {
        return new Attempt(number, LATER, Optional.of(status), Optional.empty(), 42, Optional.of("body"));
    }

    private static Attempt unanswered(int number) {
        return new Attempt(number, LATER, Optional.empty(), Optional.of("connection refused"), 5, Optional.empty());
    }

    private static Delivery fresh() {
        return Delivery.of(EVENT, WEBHOOK);
    }

    /** A delivery whose retries are over: FAILED. */
    private static Delivery failed() {
        return fresh().after(answered(1, 500), Optional.empty());
    }

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        Delivery delivery = fresh();

        assertEquals(DeliveryStatus.PENDING, delivery.status());
        assertEquals(Optional.of(CREATED), delivery.nextAttemptDate());
        assertEquals(0, delivery.attemptCount());
        assertEquals(Optional.empty(), delivery.lastAttempt());
        assertEquals(Optional.empty(), delivery.deliveredDate());
        assertEquals(EVENT.id(), delivery.eventId());
        assertEquals(EVENT.tenant(), delivery.tenant());
        assertEquals(EVENT.type(), delivery.type());
        assertEquals(CREATED, delivery.createdDate());
        assertEquals(WEBHOOK, delivery.webhookId());
        assertFalse(delivery.status().isFinal());
    }

    @Test
    void eachNewDeliveryHasItsOwnId() {
        assertNotEquals(fresh().id(), fresh().id());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 299})
    void a2xxDeliversItAndNothingMoreIsScheduled(int status) {
        Attempt attempt = answered(1, status);

        Delivery delivered = fresh().after(attempt, Optional.of(RETRY_AT));

        assertEquals(DeliveryStatus.DELIVERED, delivered.status());
        assertEquals(Optional.of(LATER), delivered.deliveredDate());
        assertEquals(Optional.empty(), delivered.nextAttemptDate(), "a retry time given with a success is dropped");
        assertEquals(Optional.of(attempt), delivered.lastAttempt());
        assertEquals(1, delivered.attemptCount());
        assertTrue(delivered.status().isFinal());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 199, 300, 302, 400, 410, 429, 500, 503})
    void anyOtherStatusIsAFailedAttemptAndTheDeliveryWaitsForItsRetry(int status) {
        Delivery retrying = fresh().after(answered(1, status), Optional.of(RETRY_AT));

        assertEquals(DeliveryStatus.PENDING, retrying.status());
        assertEquals(Optional.of(RETRY_AT), retrying.nextAttemptDate());
        assertEquals(Optional.empty(), retrying.deliveredDate());
        assertEquals(1, retrying.attemptCount());
    }

    @Test
    void noAnswerIsAFailedAttemptToo() {
        Attempt attempt = unanswered(1);

        Delivery retrying = fresh().after(attempt, Optional.of(RETRY_AT));

        assertEquals(DeliveryStatus.PENDING, retrying.status());
        assertEquals(Optional.of(RETRY_AT), retrying.nextAttemptDate());
        assertEquals(Optional.of(attempt), retrying.lastAttempt());
    }

    @Test
    void aFailedAttemptWithNoRetryLeftFailsItFinally() {
        Delivery retrying = fresh().after(unanswered(1), Optional.of(RETRY_AT));

        Delivery failed = retrying.after(answered(2, 503), Optional.empty());

        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(Optional.empty(), failed.nextAttemptDate());
        assertEquals(Optional.empty(), failed.deliveredDate());
        assertEquals(2, failed.attemptCount());
        assertEquals(Optional.of(503), failed.lastAttempt().flatMap(Attempt::status));
        assertTrue(failed.status().isFinal());
    }

    @Test
    void theAttemptCountIsTheNumberOfTheLastAttempt() {
        assertEquals(7, fresh().after(unanswered(7), Optional.of(RETRY_AT)).attemptCount());
    }

    @Test
    void aSuccessfulResendDeliversAFailedDelivery() {
        Attempt resend = answered(2, 200);

        Delivery delivered = failed().afterManual(resend);

        assertEquals(DeliveryStatus.DELIVERED, delivered.status());
        assertEquals(Optional.of(LATER), delivered.deliveredDate());
        assertEquals(Optional.empty(), delivered.nextAttemptDate());
        assertEquals(Optional.of(resend), delivered.lastAttempt());
        assertEquals(2, delivered.attemptCount());
    }

    @Test
    void aFailedResendIsRecordedButDoesNotReviveAFailedDelivery() {
        Attempt resend = unanswered(2);

        Delivery stillFailed = failed().afterManual(resend);

        assertEquals(DeliveryStatus.FAILED, stillFailed.status());
        assertEquals(Optional.empty(), stillFailed.nextAttemptDate());
        assertEquals(Optional.of(resend), stillFailed.lastAttempt());
        assertEquals(2, stillFailed.attemptCount());
    }

    @Test
    void aFailedResendKeepsAPendingDeliveryOnItsSchedule() {
        Delivery retrying = fresh().after(unanswered(1), Optional.of(RETRY_AT));

        Delivery stillRetrying = retrying.afterManual(answered(2, 500));

        assertEquals(DeliveryStatus.PENDING, stillRetrying.status());
        assertEquals(Optional.of(RETRY_AT), stillRetrying.nextAttemptDate());
        assertEquals(2, stillRetrying.attemptCount());
    }

    @Test
    void aFailedResendOfADeliveredDeliveryKeepsItDelivered() {
        Delivery delivered = fresh().after(answered(1, 200), Optional.empty());

        Delivery afterResend = delivered.afterManual(unanswered(2));

        assertEquals(DeliveryStatus.DELIVERED, afterResend.status());
        assertEquals(Optional.of(LATER), afterResend.deliveredDate());
        assertEquals(Optional.of(unanswered(2)), afterResend.lastAttempt());
    }

    @Test
    void cancellingEndsItAndKeepsItsHistory() {
        Attempt attempt = unanswered(1);
        Delivery retrying = fresh().after(attempt, Optional.of(RETRY_AT));

        Delivery cancelled = retrying.cancelled();

        assertEquals(DeliveryStatus.CANCELLED, cancelled.status());
        assertEquals(Optional.empty(), cancelled.nextAttemptDate());
        assertEquals(Optional.of(attempt), cancelled.lastAttempt());
        assertEquals(1, cancelled.attemptCount());
        assertEquals(retrying.id(), cancelled.id());
        assertTrue(cancelled.status().isFinal());
    }

    @Test
    void aDeliveryRefusesMissingParts() {
        Delivery d = fresh();
        assertThrows(NullPointerException.class, () -> new Delivery(null, d.tenant(), d.eventId(), d.webhookId(),
                d.type(), d.status(), 0, d.createdDate(), d.deliveredDate(), d.lastAttempt(), d.nextAttemptDate()));
        assertThrows(NullPointerException.class, () -> new Delivery(d.id(), d.tenant(), d.eventId(), d.webhookId(),
                d.type(), null, 0, d.createdDate(), d.deliveredDate(), d.lastAttempt(), d.nextAttemptDate()));
        assertThrows(NullPointerException.class, () -> new Delivery(d.id(), d.tenant(), d.eventId(), d.webhookId(),
                d.type(), d.status(), 0, null, d.deliveredDate(), d.lastAttempt(), d.nextAttemptDate()));
        assertThrows(NullPointerException.class, () -> new Delivery(d.id(), d.tenant(), d.eventId(), d.webhookId(),
                d.type(), d.status(), 0, d.createdDate(), d.deliveredDate(), d.lastAttempt(), null));
    }

    @Test
    void aFailedAttemptNeedsToBeToldWhetherARetryFollows() {
        assertThrows(NullPointerException.class, () -> fresh().after(unanswered(1), null));
    }

    @Test
    void anAttemptRefusesMissingParts() {
        assertThrows(NullPointerException.class,
                () -> new Attempt(1, null, Optional.empty(), Optional.empty(), 0, Optional.empty()));
        assertThrows(NullPointerException.class,
                () -> new Attempt(1, LATER, null, Optional.empty(), 0, Optional.empty()));
        assertThrows(NullPointerException.class,
                () -> new Attempt(1, LATER, Optional.empty(), null, 0, Optional.empty()));
        assertThrows(NullPointerException.class,
                () -> new Attempt(1, LATER, Optional.empty(), Optional.empty(), 0, null));
    }
}
