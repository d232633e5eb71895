package dev.herald.bench;

import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.Signatures;
import dev.herald.domain.event.EventId;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.WebhookSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limit: a bare {@code java.net.http.HttpClient} loop in its own JVM (as Herald runs in its own), posting bodies
 * shaped and signed exactly as Herald's (both schemes, computed per request) to the same receiver with the same
 * number of requests in flight, no database. Arguments: url count concurrency maxSeconds.
 */
public final class BaselineSender {
    private BaselineSender() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        WebhookSecret secret = new SecretGenerator().next();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
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
            HttpRequest request = HttpRequest.newBuilder(url)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Herald/0.1.0")
                    .header("Decoda-Signature", Signatures.decoda(secret, signed))
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", Signatures.standardWebhooks(List.of(secret), id, ts, signed))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
        System.out.println("sent " + sent + " failed " + failed.get() + " cpu " + cpu);
        System.exit(0);
    }
}
