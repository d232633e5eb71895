package dev.herald.application.port.in;

import dev.herald.domain.tenant.TenantId;

/** Checks a request's TENANT and API-KEY; any failure is the same {@code UnauthorizedException}. */
public interface ForAuthenticatingTenants {
    TenantId authenticate(String tenant, String apiKey);
}
