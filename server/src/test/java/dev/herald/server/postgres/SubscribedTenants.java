package dev.herald.server.postgres;

import dev.herald.application.port.in.ForAdministeringTenants.TenantCredentials;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.server.support.TestReceiver;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenants of a test, each with webhooks on the receiver (one path per webhook) subscribed to one event type, so
 * every event of a tenant makes {@link #webhooksPerTenant()} deliveries. Event number {@code n} belongs to tenant
 * {@code n % tenants}.
 */
final class SubscribedTenants {
    static final String EVENT_TYPE = "PATIENT_CREATED";

    private final List<TenantCredentials> tenants;
    private final int webhooksPerTenant;

    private SubscribedTenants(List<TenantCredentials> tenants, int webhooksPerTenant) {
        this.tenants = tenants;
        this.webhooksPerTenant = webhooksPerTenant;
    }

    static SubscribedTenants create(Herald herald, TestReceiver receiver, int tenantCount, int webhooksPerTenant) {
        List<TenantCredentials> tenants = new ArrayList<>();
        for (int t = 0; t < tenantCount; t++) {
            TenantCredentials tenant = herald.tenants().createTenant("tenant-" + t);
            for (int w = 0; w < webhooksPerTenant; w++) {
                herald.webhooks().create(tenant.tenant(), new CreateWebhook(
                        receiver.url("/tenant-" + t + "/hook-" + w), List.of(EVENT_TYPE), null));
            }
            tenants.add(tenant);
        }
        return new SubscribedTenants(List.copyOf(tenants), webhooksPerTenant);
    }

    TenantCredentials forEvent(int n) {
        return tenants.get(n % tenants.size());
    }

    PublishEvent event(int n) {
        return PublishEvent.of(EVENT_TYPE, "{\"n\":" + n + "}");
    }

    int webhooksPerTenant() {
        return webhooksPerTenant;
    }
}
