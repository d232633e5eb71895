package dev.herald.application.contract;

import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.Subscription;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Domain objects for the contract tests, with millisecond times so every store gives them back unchanged. */
public final class ContractFixtures {
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    public static final TenantId ACME = new TenantId("acme");
    public static final TenantId GLOBEX = new TenantId("globex");
    /** A claim's byte bound that never cuts it short. */
    public static final long ANY_SIZE = Long.MAX_VALUE;
    /** Endpoint limits that never hold a claim back: no concurrency limit to speak of, no circuit breaker. */
    public static final EndpointLimits NO_LIMITS = new EndpointLimits(1_000_000, CircuitBreaker.NEVER,
            java.time.Duration.ZERO);
    private static final SecretGenerator SECRETS = new SecretGenerator();

    private ContractFixtures() {
    }

    public static Instant at(Duration sinceT0) {
        return T0.plus(sinceT0);
    }

    public static Instant minutes(long m) {
        return at(Duration.ofMinutes(m));
    }

    public static Webhook webhook(TenantId tenant, Instant created, EventType... types) {
        return Webhook.create(tenant, new WebhookUrl("https://example.com/hooks/" + tenant),
                Subscription.of(types), Optional.of(new EmailAddress("ops@example.com")), SECRETS.next(), created);
    }

    public static Event event(TenantId tenant, EventType type, Instant created, Optional<IdempotencyKey> key) {
        return new Event(EventId.generate(), tenant, type, new EventData("{\"patientId\":\"p-1\",\"n\":1}"), created,
                key, "fingerprint-" + created.toEpochMilli(), 1);
    }

    public static Event event(TenantId tenant, EventType type, Instant created) {
        return event(tenant, type, created, Optional.empty());
    }

    public static Attempt answered(int number, Instant date, int status) {
        return new Attempt(number, date, Optional.of(status), Optional.empty(), 42,
                Optional.of("{\"received\":true}"));
    }

    public static Attempt unanswered(int number, Instant date, String error) {
        return new Attempt(number, date, Optional.empty(), Optional.of(error), 5000, Optional.empty());
    }

    /** Runs {@code task} on {@code threads} threads released together, and returns each thread's result. */
    public static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return task.call();
                    }))
                    .toList();
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
