package dev.herald.application.service;

import dev.herald.application.config.HeraldSettings;
import dev.herald.application.port.in.ForAdministeringTenants;
import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.application.port.in.ForCheckingHealth;
import dev.herald.application.port.in.ForDiscoveringEventTypes;
import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.application.port.in.ForObservingQueue;
import dev.herald.application.port.in.ForPublishingEvents;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.UrlPolicy;
import java.util.Optional;

/**
 * The one composition root of Herald's core: its services wired from the driven ports, the settings and the runtime.
 * The embedding facade (and through it the server) and the test fixtures all build Herald here, so the graph of
 * services exists once.
 */
public final class HeraldCore {
    private final TenantAdministration tenants;
    private final WebhookManagement webhooks;
    private final EventPublishing events;
    private final EventTypeDiscovery eventTypes;
    private final DeliveryInspection deliveries;
    private final HealthCheck health;
    private final QueueObservation queue;
    private final DeliveryCycle cycle;
    private final DeliveryDispatcher dispatcher;
    private final HistoryPurge historyPurge;

    private HeraldCore(DrivenPorts ports, HeraldSettings settings, CoreRuntime runtime) {
        tenants = new TenantAdministration(ports.tenants(), runtime.clock());
        webhooks = new WebhookManagement(ports.webhooks(), ports.deliveries(), ports.transactions(), runtime.clock(),
                new UrlPolicy(settings.allowHttp(), settings.allowPrivateNetworks()), new SecretGenerator(),
                settings.tenantLimits(), settings.dispatcher().endpoints().breaker());
        events = new EventPublishing(ports.webhooks(), ports.events(), ports.deliveries(), ports.transactions(),
                runtime.clock(), settings.tenantLimits(),
                settings.validateEventData() ? Optional.of(ports.eventDataSchemas()) : Optional.empty(),
                ports.metrics());
        eventTypes = new EventTypeDiscovery(ports.webhooks(), ports.events(), ports.deliveries(), ports.transactions(),
                runtime.clock());
        OwnerNotification notification = new OwnerNotification(ports.noticeThrottle(), ports.owners(),
                runtime.clock(), settings.noticeLimits(), runtime.notices());
        DeliveryAttempts attempts = new DeliveryAttempts(ports.webhooks(), ports.events(), ports.http(),
                runtime.clock(), settings.retrySchedule(), runtime.userAgent(), runtime.jitter(), ports.metrics());
        deliveries = new DeliveryInspection(ports.webhooks(), ports.events(), ports.deliveryLog(), ports.deliveries(),
                attempts, notification);
        health = new HealthCheck(ports.database());
        queue = new QueueObservation(ports.deliveries(), runtime.clock(),
                settings.dispatcher().endpoints().breaker());
        EndpointDisabling disabling = new EndpointDisabling(ports.webhooks(), ports.deliveries(), ports.transactions(),
                notification, runtime.clock(), settings.dispatcher().endpoints(), ports.incidents());
        cycle = new DeliveryCycle(ports.deliveries(), attempts, notification, disabling, runtime.clock(),
                settings.dispatcher(), ports.incidents());
        dispatcher = new DeliveryDispatcher(cycle);
        events.afterPublish(dispatcher::wakeUp);
        eventTypes.afterSend(dispatcher::wakeUp);
        historyPurge = new HistoryPurge(ports.history(), runtime.clock(), settings.retention());
    }

    /** Wires the services; nothing runs until {@link #dispatcher()} is started. */
    public static HeraldCore wire(DrivenPorts ports, HeraldSettings settings, CoreRuntime runtime) {
        return new HeraldCore(ports, settings, runtime);
    }

    /** Managing webhooks. */
    public ForManagingWebhooks webhooks() {
        return webhooks;
    }

    /** Publishing events. */
    public ForPublishingEvents events() {
        return events;
    }

    /** The event-type catalog, and its examples sent to a webhook. */
    public ForDiscoveringEventTypes eventTypes() {
        return eventTypes;
    }

    /** Reading and re-sending deliveries. */
    public ForInspectingDeliveries deliveries() {
        return deliveries;
    }

    /** Creating tenants and rotating their API keys. */
    public ForAdministeringTenants tenants() {
        return tenants;
    }

    /** Checking a tenant's credentials. */
    public ForAuthenticatingTenants authentication() {
        return tenants;
    }

    /** Whether the database answers. */
    public ForCheckingHealth health() {
        return health;
    }

    /** The queue's size and lag, for the metrics. */
    public ForObservingQueue queue() {
        return queue;
    }

    /** This node's delivery worker: started and stopped by its owner. */
    public DeliveryDispatcher dispatcher() {
        return dispatcher;
    }

    /** This node's retention rounds (docs/API.md §8.4): started and stopped with the dispatcher by its owner. */
    public HistoryPurge historyPurge() {
        return historyPurge;
    }

    /** One delivery cycle (claim, attempt, complete, notify), for tests that drive delivery step by step. */
    public DeliveryCycle cycle() {
        return cycle;
    }
}
