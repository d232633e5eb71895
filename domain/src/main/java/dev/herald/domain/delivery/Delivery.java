package dev.herald.domain.delivery;

import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one webhook: which event, and how far it got. Its body ({@link DeliveryBody}) is built
 * from the event's data on each attempt, the same bytes every time; the data is stored once, with the event.
 */
public record Delivery(
        DeliveryId id,
        TenantId tenant,
        EventId eventId,
        WebhookId webhookId,
        EventType type,
        DeliveryStatus status,
        int attemptCount,
        Instant createdDate,
        Optional<Instant> deliveredDate,
        Optional<Attempt> lastAttempt,
        Optional<Instant> nextAttemptDate) {

    public Delivery {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(webhookId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdDate);
        Objects.requireNonNull(deliveredDate);
        Objects.requireNonNull(lastAttempt);
        Objects.requireNonNull(nextAttemptDate);
    }

    /** A new delivery of {@code event} to {@code webhook}, due at once. */
    public static Delivery of(Event event, WebhookId webhook) {
        return new Delivery(DeliveryId.generate(), event.tenant(), event.id(), webhook, event.type(),
                DeliveryStatus.PENDING, 0, event.createdDate(), Optional.empty(), Optional.empty(),
                Optional.of(event.createdDate()));
    }

    /** This delivery after {@code attempt}; {@code next} is when to try again, empty when it is over. */
    public Delivery after(Attempt attempt, Optional<Instant> next) {
        DeliveryStatus newStatus = attempt.succeeded() ? DeliveryStatus.DELIVERED
                : next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        Optional<Instant> delivered = attempt.succeeded() ? Optional.of(attempt.date()) : deliveredDate;
        return new Delivery(id, tenant, eventId, webhookId, type, newStatus, attempt.number(), createdDate,
                delivered, Optional.of(attempt), attempt.succeeded() ? Optional.empty() : next);
    }

    /**
     * This delivery after a manual re-send: success delivers it; a failure is recorded but keeps the status and
     * schedule it had (a FAILED delivery is not revived, a PENDING one keeps its next retry).
     */
    public Delivery afterManual(Attempt attempt) {
        if (attempt.succeeded()) {
            return after(attempt, Optional.empty());
        }
        return new Delivery(id, tenant, eventId, webhookId, type, status, attempt.number(), createdDate,
                deliveredDate, Optional.of(attempt), nextAttemptDate);
    }

    /**
     * A delivery that finally failed, due again at {@code now} for one more attempt (a tenant's recover, after fixing
     * its endpoint); its attempts so far are kept.
     */
    public Delivery recovered(Instant now) {
        if (status != DeliveryStatus.FAILED) {
            throw new IllegalStateException("only a FAILED delivery is recovered, not " + status);
        }
        return new Delivery(id, tenant, eventId, webhookId, type, DeliveryStatus.PENDING, attemptCount, createdDate,
                deliveredDate, lastAttempt, Optional.of(now));
    }

    /**
     * When a final delivery finished, which its retention counts from (docs/API.md §8.4): its last attempt, or its
     * creation when it never had one (cancelled untried); empty while it is PENDING.
     */
    public Optional<Instant> finishedDate() {
        if (!status.isFinal()) {
            return Optional.empty();
        }
        return Optional.of(lastAttempt.map(Attempt::date).orElse(createdDate));
    }

    public Delivery cancelled() {
        return new Delivery(id, tenant, eventId, webhookId, type, DeliveryStatus.CANCELLED, attemptCount,
                createdDate, deliveredDate, lastAttempt, Optional.empty());
    }
}
