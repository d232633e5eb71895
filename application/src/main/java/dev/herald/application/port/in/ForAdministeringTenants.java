package dev.herald.application.port.in;

import dev.herald.domain.tenant.ApiKey;
import dev.herald.domain.tenant.TenantId;

/** The operator's side: creating tenants and replacing their API keys (docs/API.md §8.2). */
public interface ForAdministeringTenants {
    /** A new tenant with a new key, shown this once. A taken name is a conflict. */
    TenantCredentials createTenant(String name);

    /** A new key; the old one stops working at once. Webhooks are kept. */
    TenantCredentials rotateApiKey(String name);

    record TenantCredentials(TenantId tenant, ApiKey apiKey) {
    }
}
