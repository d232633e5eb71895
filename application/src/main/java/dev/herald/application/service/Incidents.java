package dev.herald.application.service;

import dev.herald.application.port.out.ForLoggingIncidents.Incident;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines an operator acts on (docs/API.md §8.6), with their fields: ids, counts, the last status or error. What a
 * tenant sent (its data, its headers, its URL) and what it is given (keys, secrets) are never among them.
 */
final class Incidents {
    private static final String DELIVERIES = DeliveryDispatcher.class.getName();
    private static final String ENDPOINTS = EndpointDisabling.class.getName();

    private Incidents() {
    }

    /** A delivery FAILED after its last attempt. */
    static Incident finallyFailed(Delivery delivery) {
        Map<String, String> fields = endpoint(delivery.tenant(), delivery.webhookId());
        fields.put("deliveryId", delivery.id().value());
        fields.put("eventId", delivery.eventId().value());
        fields.put("eventType", delivery.type().name());
        fields.put("attempts", Integer.toString(delivery.attemptCount()));
        delivery.lastAttempt().flatMap(Attempt::status).ifPresent(s -> fields.put("lastStatus", s.toString()));
        delivery.lastAttempt().flatMap(Attempt::error).ifPresent(e -> fields.put("lastError", e));
        return new Incident(Level.WARNING, DELIVERIES, "delivery failed for good", fields);
    }

    /** An endpoint's circuit opened: its deliveries fail without a send until a probe succeeds. */
    static Incident circuitOpened(TenantId tenant, WebhookId webhook, EndpointHealth health, Instant probeAt) {
        Map<String, String> fields = failures(tenant, webhook, health);
        fields.put("probeAt", probeAt.toString());
        return new Incident(Level.WARNING, ENDPOINTS, "endpoint circuit opened", fields);
    }

    /** An endpoint's circuit closed: a probe succeeded, its deliveries are sent again. */
    static Incident circuitClosed(TenantId tenant, WebhookId webhook, EndpointHealth before) {
        Map<String, String> fields = endpoint(tenant, webhook);
        fields.put("failuresBefore", Integer.toString(before.consecutiveFailures()));
        return new Incident(Level.INFO, ENDPOINTS, "endpoint circuit closed", fields);
    }

    /** A webhook disabled by Herald: its endpoint has failed every send for too long. */
    static Incident disabled(TenantId tenant, WebhookId webhook, EndpointHealth health) {
        return new Incident(Level.WARNING, ENDPOINTS, "webhook disabled", failures(tenant, webhook, health));
    }

    private static Map<String, String> failures(TenantId tenant, WebhookId webhook, EndpointHealth health) {
        Map<String, String> fields = endpoint(tenant, webhook);
        fields.put("consecutiveFailures", Integer.toString(health.consecutiveFailures()));
        health.failingSince().ifPresent(since -> fields.put("failingSince", since.toString()));
        health.lastError().ifPresent(error -> fields.put("lastError", error));
        return fields;
    }

    private static Map<String, String> endpoint(TenantId tenant, WebhookId webhook) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tenant", tenant.value());
        fields.put("webhookId", webhook.value());
        return fields;
    }
}
