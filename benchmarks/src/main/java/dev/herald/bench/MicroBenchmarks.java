package dev.herald.bench;

import dev.herald.domain.DeliveryBody;
import dev.herald.domain.DeliveryId;
import dev.herald.domain.Event;
import dev.herald.domain.EventData;
import dev.herald.domain.EventId;
import dev.herald.domain.EventType;
import dev.herald.domain.SecretGenerator;
import dev.herald.domain.Signatures;
import dev.herald.domain.TenantId;
import dev.herald.domain.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: the CPU work Herald does per delivery, on a 1 KiB body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MicroBenchmarks {
    private WebhookSecret secret;
    private List<WebhookSecret> secrets;
    private String body;
    private DeliveryId deliveryId;
    private Event event;

    @Setup
    public void setUp() {
        secret = new SecretGenerator().next();
        secrets = List.of(secret);
        deliveryId = DeliveryId.generate();
        StringBuilder data = new StringBuilder("{\"patientId\":42,\"note\":\"");
        while (data.length() < 1024 - 200) {
            data.append('x');
        }
        data.append("\"}");
        event = new Event(EventId.generate(), new TenantId("acme"), EventType.PATIENT_CREATED,
                new EventData(data.toString()), Instant.now(), Optional.empty(), "fingerprint", 1);
        StringBuilder padded = new StringBuilder(DeliveryBody.render(deliveryId, event));
        body = padded.toString();
        if (body.length() != 1024) { // exactly 1 KiB: adjust the filler
            String filler = "x".repeat(Math.max(0, 1024 - body.length()));
            data.insert(data.length() - 2, filler);
            event = new Event(event.id(), event.tenant(), event.type(), new EventData(data.toString()),
                    event.createdDate(), Optional.empty(), "fingerprint", 1);
            body = DeliveryBody.render(deliveryId, event);
        }
    }

    @Benchmark
    public String signDecoda1KiB() {
        return Signatures.decoda(secret, body);
    }

    @Benchmark
    public String signStandardWebhooks1KiB() {
        return Signatures.standardWebhooks(secrets, deliveryId.value(), 1_700_000_000L, body);
    }

    @Benchmark
    public String renderDeliveryBody1KiB() {
        return DeliveryBody.render(deliveryId, event);
    }

    int bodyLength() {
        setUp();
        return body.length();
    }
}
