package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAdministeringTenants;
import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.application.port.in.ForCheckingHealth;
import dev.herald.application.port.in.ForDiscoveringEventTypes;
import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.application.port.in.ForPublishingEvents;
import java.util.Objects;

/** The driving ports the HTTP API calls. */
public record HttpApiPorts(
        ForManagingWebhooks webhooks,
        ForPublishingEvents events,
        ForInspectingDeliveries deliveries,
        ForAuthenticatingTenants authentication,
        ForAdministeringTenants tenants,
        ForCheckingHealth health,
        ForDiscoveringEventTypes eventTypes) {

    public HttpApiPorts {
        Objects.requireNonNull(webhooks);
        Objects.requireNonNull(events);
        Objects.requireNonNull(deliveries);
        Objects.requireNonNull(authentication);
        Objects.requireNonNull(tenants);
        Objects.requireNonNull(health);
        Objects.requireNonNull(eventTypes);
    }
}
