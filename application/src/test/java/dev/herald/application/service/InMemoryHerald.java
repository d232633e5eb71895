package dev.herald.application.service;

import dev.herald.application.FakeClock;
import dev.herald.application.config.DispatcherSettings;
import dev.herald.application.config.HeraldSettings;
import dev.herald.application.config.TenantLimits;
import dev.herald.application.inmemory.InMemoryDatabaseProbe;
import dev.herald.application.inmemory.InMemoryDeliveryQueue;
import dev.herald.application.inmemory.InMemoryEventStore;
import dev.herald.application.inmemory.InMemoryNoticeThrottle;
import dev.herald.application.inmemory.InMemoryOwnerNotifier;
import dev.herald.application.inmemory.InMemoryTenantStore;
import dev.herald.application.inmemory.InMemoryTransactions;
import dev.herald.application.inmemory.InMemoryWebhookStore;
import dev.herald.application.inmemory.NoSchemaChecks;
import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.application.port.in.ForPublishingEvents;
import dev.herald.application.port.out.ForLoggingIncidents.Incident;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.domain.delivery.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application services wired by {@link HeraldCore} to in-memory adapters, a fake clock and a scripted receiver. */
final class InMemoryHerald {
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-27T09:00:00Z"));
    final InMemoryWebhookStore webhookStore = new InMemoryWebhookStore();
    final InMemoryEventStore eventStore = new InMemoryEventStore();
    final InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue(eventStore, webhookStore);
    final ScriptedReceiver receiver = new ScriptedReceiver();
    final InMemoryOwnerNotifier owners = new InMemoryOwnerNotifier();
    final List<FailureNotice> notices = owners.received();
    /** The incident lines the core wrote (docs/API.md §8.6), in order. */
    final List<Incident> incidents = new CopyOnWriteArrayList<>();
    final ForManagingWebhooks webhooks;
    final ForPublishingEvents events;
    final ForInspectingDeliveries deliveries;
    final DeliveryCycle cycle;
    final DeliveryDispatcher dispatcher;

    InMemoryHerald(RetrySchedule schedule) {
        this(schedule, HeraldSettings.defaults().tenantLimits());
    }

    InMemoryHerald(RetrySchedule schedule, TenantLimits limits) {
        HeraldSettings settings = HeraldSettings.defaults().withRetrySchedule(schedule).withTenantLimits(limits)
                .withDispatcher(new DispatcherSettings(50, 50, Duration.ofMillis(20), Duration.ofSeconds(60),
                        HeraldSettings.defaults().dispatcher().endpoints()));
        DrivenPorts ports = new DrivenPorts(new InMemoryTenantStore(), webhookStore, eventStore, queue, queue,
                new InMemoryTransactions(), new InMemoryNoticeThrottle(), queue, new InMemoryDatabaseProbe(), receiver,
                owners, new NoSchemaChecks(), ForRecordingMetrics.NONE, incidents::add);
        HeraldCore core = HeraldCore.wire(ports, settings,
                new CoreRuntime(clock, new Random(1), Runnable::run, "Herald/test"));
        webhooks = core.webhooks();
        events = core.events();
        deliveries = core.deliveries();
        cycle = core.cycle();
        dispatcher = core.dispatcher();
    }
}
