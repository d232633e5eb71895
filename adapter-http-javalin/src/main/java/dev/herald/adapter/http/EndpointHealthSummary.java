package dev.herald.adapter.http;

import dev.herald.application.port.in.ForManagingWebhooks.EndpointStatus;
import java.util.Locale;

/**
 * The read-only {@code health} of a webhook in docs/API.md §4.1: its circuit and its failures since its last success.
 */
record EndpointHealthSummary(String circuit, int consecutiveFailures, String failingSince, String lastError) {
    static EndpointHealthSummary from(EndpointStatus status) {
        return new EndpointHealthSummary(status.circuit().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                status.consecutiveFailures(), ApiTime.of(status.failingSince()), status.lastError().orElse(null));
    }
}
