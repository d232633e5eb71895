package dev.herald.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP client under test in the baseline: it posts one request and completes with the response's status code
 * (or exceptionally). Each is set up as Herald's sender is: HTTP/1.1, no redirects, no proxy, and as many connections
 * as requests in flight; otherwise the client's own defaults. Never closed: its JVM exits when the run ends.
 */
interface BareClient {
    CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body);
}
