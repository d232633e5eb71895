package dev.herald.application.service;

import dev.herald.application.FakeClock;
import dev.herald.application.inmemory.InMemoryDeliveryQueue;
import dev.herald.application.inmemory.InMemoryEventStore;
import dev.herald.application.inmemory.InMemoryNoticeThrottle;
import dev.herald.application.inmemory.InMemoryOwnerNotifier;
import dev.herald.application.inmemory.InMemoryTransactions;
import dev.herald.application.inmemory.InMemoryWebhookStore;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.application.port.out.ForThrottlingNotices.Limits;
import dev.herald.domain.RetrySchedule;
import dev.herald.domain.SecretGenerator;
import dev.herald.domain.UrlPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** The application services wired to in-memory adapters, a fake clock and a scripted receiver. */
final class InMemoryHerald {
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-27T09:00:00Z"));
    final InMemoryWebhookStore webhookStore = new InMemoryWebhookStore();
    final InMemoryEventStore eventStore = new InMemoryEventStore();
    final InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue(eventStore);
    final ScriptedReceiver receiver = new ScriptedReceiver();
    final InMemoryOwnerNotifier owners = new InMemoryOwnerNotifier();
    final List<FailureNotice> notices = owners.received();
    final WebhookManagement webhooks;
    final EventPublishing events;
    final DeliveryInspection deliveries;
    final DeliveryCycle cycle;
    final DeliveryDispatcher dispatcher;

    InMemoryHerald(RetrySchedule schedule) {
        this(schedule, TenantLimits.DEFAULT);
    }

    InMemoryHerald(RetrySchedule schedule, TenantLimits limits) {
        InMemoryTransactions transactions = new InMemoryTransactions();
        webhooks = new WebhookManagement(webhookStore, queue, transactions, clock, new UrlPolicy(false, false),
                new SecretGenerator(), limits);
        events = new EventPublishing(webhookStore, eventStore, queue, transactions, clock, limits);
        OwnerNotification notification = new OwnerNotification(new InMemoryNoticeThrottle(), owners, clock,
                Limits.DEFAULT, Runnable::run);
        DeliveryAttempts attempts = new DeliveryAttempts(webhookStore, eventStore, receiver, clock, schedule, "Herald/test",
                new Random(1));
        deliveries = new DeliveryInspection(webhookStore, eventStore, queue, queue, attempts, notification);
        cycle = new DeliveryCycle(queue, attempts, notification, clock,
                new DispatcherSettings(50, 50, Duration.ofMillis(20), Duration.ofSeconds(60)));
        dispatcher = new DeliveryDispatcher(cycle);
    }
}
