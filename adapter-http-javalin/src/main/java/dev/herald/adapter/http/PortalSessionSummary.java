package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAuthenticatingTenants.PortalSession;

/**
 * The answer of {@code POST /v1/portal/session} (docs/API.md §2.4): the portal's link, its token in the fragment so
 * that it never reaches a server log or a Referer header, the token alone, and its expiry.
 */
record PortalSessionSummary(String url, String token, String expiresAt) {
    static PortalSessionSummary from(PortalSession session) {
        String token = session.token().value();
        return new PortalSessionSummary(JavalinPortalRoutes.PAGE + "#token=" + token, token,
                ApiTime.of(session.expiresAt()));
    }
}
