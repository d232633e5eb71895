package dev.herald.application.service;

import dev.herald.application.port.in.ForDiscoveringEventTypes;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForRunningTransactions;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.ConflictException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.Sha256;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventCatalog;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.EventTypeDescription;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The event-type catalog and its examples sent to one webhook (docs/API.md §4.11, §4.12). */
final class EventTypeDiscovery implements ForDiscoveringEventTypes {
    /** The request's field naming the type. */
    private static final String FIELD = "eventType";

    private final ForStoringWebhooks webhooks;
    private final ForStoringEvents events;
    private final ForQueueingDeliveries queue;
    private final ForRunningTransactions transactions;
    private final Clock clock;
    private volatile Runnable afterSend = () -> { };

    EventTypeDiscovery(ForStoringWebhooks webhooks, ForStoringEvents events, ForQueueingDeliveries queue,
                     ForRunningTransactions transactions, Clock clock) {
        this.webhooks = webhooks;
        this.events = events;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Called after each example is queued, to wake the dispatcher. */
    void afterSend(Runnable listener) {
        this.afterSend = listener;
    }

    @Override
    public List<EventTypeDescription> list() {
        return EventCatalog.all();
    }

    @Override
    public SentExample sendExample(TenantId tenant, WebhookId webhookId, String eventType) {
        Validation validation = new Validation();
        EventType type = eventType == null ? validation.missing(FIELD)
                : validation.check(() -> EventType.parse(eventType, FIELD));
        validation.throwIfInvalid();
        EventData example = EventCatalog.of(type).example();
        SentExample sent = transactions.inTransaction(() -> {
            Webhook webhook = webhooks.find(tenant, webhookId).filter(Webhook::isLive)
                    .orElseThrow(NotFoundException::webhook);
            if (webhook.isDisabled()) {
                throw new ConflictException("Webhook " + webhookId.value()
                        + " is disabled; enable it to send it an example");
            }
            // A real event of one delivery: its delivery is read, listed and re-sent like any other (§6.5).
            Event event = new Event(EventId.generate(), tenant, type, example, Now.of(clock), Optional.empty(),
                    Sha256.hex(type.name() + "\n" + example.json()), 1);
            events.insert(event);
            Delivery delivery = Delivery.of(event, webhook.id());
            queue.enqueue(List.of(delivery));
            return new SentExample(delivery.id(), event.id(), type, event.createdDate());
        });
        afterSend.run();
        return sent;
    }
}
