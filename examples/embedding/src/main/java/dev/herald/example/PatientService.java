package dev.herald.example;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.List;

/**
 * A host service that embeds Herald: it opens Herald on its database, lets its tenants subscribe a URL, and publishes
 * an event whenever it creates a patient. Herald's workers deliver in the background until the service closes.
 */
public final class PatientService implements AutoCloseable {
    private final Herald herald;

    /** Herald on {@code jdbcUrl}; {@code local} lets webhooks point at http://127.0.0.1 (development and tests). */
    public PatientService(String jdbcUrl, boolean local) {
        herald = Herald.builder().database(jdbcUrl, "", "").allowHttp(local).allowPrivateNetworks(local).build();
        herald.startDelivering();
    }

    /** A new tenant of the host, with Herald's API key for it. */
    public TenantId onboard(String tenant) {
        return herald.tenants().createTenant(tenant).tenant();
    }

    /** {@code url} will receive every PATIENT_CREATED of {@code tenant}. */
    public WebhookId subscribe(TenantId tenant, String url) {
        return herald.webhooks().create(tenant, new CreateWebhook(url, List.of("PATIENT_CREATED"), null)).id();
    }

    /** The host's own work, then the event Herald delivers; its id. */
    public String createPatient(TenantId tenant, int patientId) {
        return herald.events().publish(tenant, PublishEvent.of("PATIENT_CREATED", "{\"patientId\":" + patientId + "}"))
                .id().value();
    }

    @Override
    public void close() {
        herald.close();
    }
}
