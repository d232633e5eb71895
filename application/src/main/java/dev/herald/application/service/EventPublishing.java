package dev.herald.application.service;

import dev.herald.application.config.TenantLimits;
import dev.herald.application.port.in.ForPublishingEvents;
import dev.herald.application.port.out.ForCheckingEventData;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.application.port.out.ForRunningTransactions;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.ConflictException;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Sha256;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventCatalog;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Publishing (docs/API.md §5): the event and its deliveries in one transaction, idempotent by the publisher's key. */
final class EventPublishing implements ForPublishingEvents {
    private final ForStoringWebhooks webhooks;
    private final ForStoringEvents events;
    private final ForQueueingDeliveries queue;
    private final ForRunningTransactions transactions;
    private final Clock clock;
    private final TenantQuota limits;
    /** Set when data is checked against its type's schema (HERALD_VALIDATE_EVENT_DATA); empty when not. */
    private final Optional<ForCheckingEventData> schemas;
    private final ForRecordingMetrics metrics;
    private volatile Runnable afterPublish = () -> { };

    EventPublishing(ForStoringWebhooks webhooks, ForStoringEvents events, ForQueueingDeliveries queue,
                           ForRunningTransactions transactions, Clock clock, TenantLimits limits,
                           Optional<ForCheckingEventData> schemas, ForRecordingMetrics metrics) {
        this.webhooks = webhooks;
        this.events = events;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
        this.limits = new TenantQuota(limits);
        this.schemas = schemas;
        this.metrics = metrics;
    }

    /** Called after each publish, e.g. to wake the dispatcher instead of letting it wait for its next poll. */
    public void afterPublish(Runnable listener) {
        this.afterPublish = listener;
    }

    @Override
    public PublishedEvent publish(TenantId tenant, PublishEvent command) {
        long started = System.nanoTime();
        Validation validation = new Validation();
        EventType type = command.type() == null ? validation.missing("type")
                : validation.check(() -> EventType.parse(command.type()));
        EventData data = command.dataJson() == null ? validation.missing(EventData.FIELD)
                : validation.check(() -> EventData.parse(command.dataJson()));
        Optional<IdempotencyKey> key = validation.check(() -> Optional.ofNullable(command.idempotencyKey())
                .map(IdempotencyKey::new));
        validation.throwIfInvalid();
        checkAgainstSchema(type, data);

        String fingerprint = fingerprint(type, data);
        PublishedEvent published;
        try {
            published = transactions.inTransaction(() -> key.flatMap(k -> events.findByIdempotencyKey(tenant, k))
                    .map(earlier -> replay(earlier, fingerprint))
                    .orElseGet(() -> store(tenant, type, data, key, fingerprint)));
        } catch (ConflictException raced) {
            // Another request with the same key committed first: answer as if this one came second.
            published = key.flatMap(k -> events.findByIdempotencyKey(tenant, k))
                    .map(earlier -> replay(earlier, fingerprint))
                    .orElseThrow(() -> raced);
        }
        afterPublish.run();
        metrics.publishLatency(Duration.ofNanos(System.nanoTime() - started));
        return published;
    }

    /** Before anything is read or written: data that breaks its type's schema creates nothing (docs/API.md §5). */
    private void checkAgainstSchema(EventType type, EventData data) {
        schemas.ifPresent(checker -> {
            List<Violation> violations = checker.violations(EventCatalog.of(type), data);
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        });
    }

    private PublishedEvent store(TenantId tenant, EventType type, EventData data, Optional<IdempotencyKey> key,
                                 String fingerprint) {
        List<Webhook> subscribers = webhooks.liveSubscribers(tenant, type);
        limits.checkFanOut(type.name(), data.utf8().length, subscribers.size());
        Event event = new Event(EventId.generate(), tenant, type, data, Now.of(clock), key, fingerprint,
                subscribers.size());
        events.insert(event);
        queue.enqueue(subscribers.stream().map(webhook -> Delivery.of(event, webhook.id())).toList());
        return answer(event);
    }

    private static PublishedEvent replay(Event earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ConflictException("id '" + earlier.idempotencyKey().orElseThrow().value()
                    + "' was already used for an event with a different body");
        }
        return answer(earlier);
    }

    private static PublishedEvent answer(Event event) {
        return new PublishedEvent(event.id(), event.type(), event.createdDate(), event.deliveryCount());
    }

    private static String fingerprint(EventType type, EventData data) {
        return Sha256.hex(type.name() + "\n" + data.json());
    }
}
