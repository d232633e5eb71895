package dev.herald.bench;

import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.Signatures;
import dev.herald.domain.event.EventId;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.WebhookSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The limit: a bare HTTP client loop in its own JVM (as Herald runs in its own), posting bodies shaped and signed
 * exactly as Herald's (both schemes, computed per request) to the same receiver with the same number of requests in
 * flight, no database. One loop for every client ({@link BareClients}), so only the client differs. Arguments: client
 * url count concurrency maxSeconds. Prints {@code sent N failed N cpu SECONDS}: the whole JVM's CPU time, as always.
 */
public final class BaselineSender {
    private BaselineSender() {
    }

    public static void main(String[] args) throws Exception {
        BareClients kind = BareClients.byId(args[0]);
        URI url = URI.create(args[1]);
        int count = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
        WebhookSecret secret = new SecretGenerator().next();
        BareClient client = kind.create(concurrency);
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        String alertId = EventId.generate().value();
        String created = Instant.now().toString();
        int sent = 0;
        for (; sent < count && System.nanoTime() < deadline; sent++) {
            slots.acquire();
            String id = DeliveryId.generate().value();
            String body = "{\"id\":\"" + id + "\",\"type\":\"PATIENT_CREATED\",\"data\":{\"seq\":" + sent
                    + ",\"patientId\":\"p-" + sent + "\"},\"createdDate\":\"" + created + "\",\"alertId\":\""
                    + alertId + "\"}";
            long ts = Instant.now().getEpochSecond();
            DeliveryBody signed = DeliveryBody.ofText(body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "Herald/0.1.0");
            headers.put("Decoda-Signature", Signatures.decoda(secret, signed));
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", Long.toString(ts));
            headers.put("webhook-signature", Signatures.standardWebhooks(List.of(secret), id, ts, signed));
            client.post(url, headers, body.getBytes(StandardCharsets.UTF_8)).whenComplete((status, failure) -> {
                if (failure != null || status != 200) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString() : "status " + status);
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0)
                .orElse(Double.NaN);
        System.out.println("sent " + sent + " failed " + failed.get() + " cpu " + cpu
                + (firstError.get() == null ? "" : ", first failure: " + firstError.get()));
        System.exit(0); // the client is not closed: its shutdown is not measured, and the exit ends it
    }
}
