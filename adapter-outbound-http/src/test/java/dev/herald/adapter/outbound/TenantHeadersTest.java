package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.webhook.WebhookHeaders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own headers (docs/API.md §6.1) can never make java.net.http refuse a delivery: every name it refuses is
 * one Herald refuses at create and update. (That they reach the receiver as given is the sender contract's.)
 */
class TenantHeadersTest {
    /** The names java.net.http has refused in some release, the hop-by-hop ones, and ordinary ones it takes. */
    private static final List<String> CANDIDATES = List.of("Connection", "Content-Length", "Date", "Expect", "From",
            "Host", "Upgrade", "Via", "Warning", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "HTTP2-Settings",
            "Proxy-Authorization", "Proxy-Connection", "Authorization", "Cookie", "Accept", "Accept-Encoding",
            "Content-Type", "User-Agent", "X-Api-Key");

    @Test
    void everyNameTheHttpClientRefusesIsReserved() {
        List<String> refusedByClientOnly = new ArrayList<>();
        for (String name : CANDIDATES) {
            for (String spelling : List.of(name, name.toLowerCase(), name.toUpperCase())) {
                if (clientRefuses(spelling) && !WebhookHeaders.isReserved(spelling)) {
                    refusedByClientOnly.add(spelling);
                }
            }
        }
        assertEquals(List.of(), refusedByClientOnly, "names a tenant could store that the HTTP client refuses");
    }

    private static boolean clientRefuses(String name) {
        try {
            HttpRequest.newBuilder(URI.create("http://receiver.test/")).header(name, "x");
            return false;
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().contains("restricted") || refused.getMessage().contains("invalid"),
                    refused.getMessage());
            return true;
        }
    }
}
