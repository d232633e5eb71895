package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAdministeringTenants.TenantCredentials;

/** A tenant and its new API key, shown this once (docs/API.md §8.2). */
record TenantCredentialsSummary(String tenant, String apiKey) {
    static TenantCredentialsSummary from(TenantCredentials credentials) {
        return new TenantCredentialsSummary(credentials.tenant().value(), credentials.apiKey().value());
    }
}
