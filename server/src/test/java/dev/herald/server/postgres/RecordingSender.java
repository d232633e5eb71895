package dev.herald.server.postgres;

import dev.herald.application.port.out.ForSendingHttp;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node's outbound HTTP, passed through to the real sender and recorded, so a test can tell which node did
 * which work: the deliveries it started to send, and how many it delivered.
 */
final class RecordingSender implements ForSendingHttp {
    private final ForSendingHttp real;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final AtomicInteger delivered = new AtomicInteger();

    RecordingSender(ForSendingHttp real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<HttpResult> post(OutboundRequest request) {
        started.add(request.headers().get("webhook-id"));
        return real.post(request).whenComplete((result, error) -> {
            if (result != null && result.status().filter(s -> s >= 200 && s < 300).isPresent()) {
                delivered.incrementAndGet();
            }
        });
    }

    /** The delivery ids this node has started to send (before the request left). */
    boolean started(String deliveryId) {
        return started.contains(deliveryId);
    }

    int delivered() {
        return delivered.get();
    }
}
