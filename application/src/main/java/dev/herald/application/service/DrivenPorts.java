package dev.herald.application.service;

import dev.herald.application.port.out.ForCheckingEventData;
import dev.herald.application.port.out.ForLoggingIncidents;
import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.application.port.out.ForProbingDatabase;
import dev.herald.application.port.out.ForPurgingHistory;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.application.port.out.ForRunningTransactions;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.application.port.out.ForThrottlingNotices;
import java.util.Objects;

/** Everything Herald's core needs from the world: the adapters (or in-memory twins) {@link HeraldCore} is wired to. */
public record DrivenPorts(
        ForStoringTenants tenants,
        ForStoringWebhooks webhooks,
        ForStoringEvents events,
        ForQueueingDeliveries deliveries,
        ForReadingDeliveryLog deliveryLog,
        ForRunningTransactions transactions,
        ForThrottlingNotices noticeThrottle,
        ForPurgingHistory history,
        ForProbingDatabase database,
        ForSendingHttp http,
        ForNotifyingOwners owners,
        ForCheckingEventData eventDataSchemas,
        ForRecordingMetrics metrics,
        ForLoggingIncidents incidents) {

    public DrivenPorts {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(deliveryLog, "deliveryLog");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(noticeThrottle, "noticeThrottle");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(eventDataSchemas, "eventDataSchemas");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(incidents, "incidents");
    }

    /** Incidents written to the JDK's System.Logger ({@link ForLoggingIncidents#SYSTEM_LOGGER}). */
    public DrivenPorts(ForStoringTenants tenants, ForStoringWebhooks webhooks, ForStoringEvents events,
                       ForQueueingDeliveries deliveries, ForReadingDeliveryLog deliveryLog,
                       ForRunningTransactions transactions, ForThrottlingNotices noticeThrottle,
                       ForPurgingHistory history, ForProbingDatabase database, ForSendingHttp http,
                       ForNotifyingOwners owners, ForCheckingEventData eventDataSchemas, ForRecordingMetrics metrics) {
        this(tenants, webhooks, events, deliveries, deliveryLog, transactions, noticeThrottle, history, database, http,
                owners, eventDataSchemas, metrics, ForLoggingIncidents.SYSTEM_LOGGER);
    }

    /** Without metrics: nothing is recorded ({@link ForRecordingMetrics#NONE}). */
    public DrivenPorts(ForStoringTenants tenants, ForStoringWebhooks webhooks, ForStoringEvents events,
                       ForQueueingDeliveries deliveries, ForReadingDeliveryLog deliveryLog,
                       ForRunningTransactions transactions, ForThrottlingNotices noticeThrottle,
                       ForPurgingHistory history, ForProbingDatabase database, ForSendingHttp http,
                       ForNotifyingOwners owners, ForCheckingEventData eventDataSchemas) {
        this(tenants, webhooks, events, deliveries, deliveryLog, transactions, noticeThrottle, history, database, http,
                owners, eventDataSchemas, ForRecordingMetrics.NONE, ForLoggingIncidents.SYSTEM_LOGGER);
    }
}
