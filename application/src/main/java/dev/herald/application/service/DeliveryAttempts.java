package dev.herald.application.service;

import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.port.out.ForRecordingMetrics.DeliveryOutcome;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.application.port.out.ForSendingHttp.OutboundRequest;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.delivery.Signatures;
import dev.herald.domain.event.EventId;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/** Makes one attempt at a delivery: signs the body, sends it, and works out what the delivery becomes (docs/API.md §6.1-6.3). */
public final class DeliveryAttempts {
    /** The error of an attempt not sent because its endpoint's circuit is open. */
    public static final String CIRCUIT_OPEN = "not sent: the endpoint's circuit is open after repeated failures";
    private final ForStoringWebhooks webhooks;
    private final ForStoringEvents events;
    private final ForSendingHttp http;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final String userAgent;
    private final RandomGenerator random;
    private final ForRecordingMetrics metrics;

    public DeliveryAttempts(ForStoringWebhooks webhooks, ForStoringEvents events, ForSendingHttp http, Clock clock,
                            RetrySchedule schedule, String userAgent, RandomGenerator random,
                            ForRecordingMetrics metrics) {
        this.webhooks = webhooks;
        this.events = events;
        this.http = http;
        this.clock = clock;
        this.schedule = schedule;
        this.userAgent = userAgent;
        this.random = random;
        this.metrics = metrics;
    }

    /** What one attempt did: the delivery after it, the attempt (empty when nothing was sent), and its webhook. */
    public record Outcome(Delivery delivery, Optional<Attempt> attempt, Optional<Webhook> webhook) {
        public boolean finallyFailed() {
            return attempt.isPresent() && delivery.status() == DeliveryStatus.FAILED;
        }
    }

    /**
     * Sends the next attempt of each claimed delivery; the schedule decides what each becomes
     * ({@link RetrySchedule#afterAttempt}). A claim not to be sent (its endpoint's circuit is open) fails at once,
     * without a send, and is retried on the same schedule (docs/API.md §6.8). Each webhook is looked up, and each
     * event's data read and encoded, once for the whole batch (a batch usually holds many deliveries to few webhooks,
     * and a wide fan-out many deliveries of one event: its data is then held once, not per delivery).
     */
    public List<CompletableFuture<Outcome>> sendAll(List<Claim> claims) {
        List<Delivery> deliveries = claims.stream().filter(Claim::send).map(Claim::delivery).toList();
        Map<EventId, byte[]> data = sharedData(deliveries);
        // Every read before the first send: a database lost midway then fails the batch before any of it went out,
        // so all of it can be given back, and none is sent again once its lease ends.
        Map<WebhookKey, Optional<Webhook>> found = new HashMap<>();
        for (Claim claim : claims) {
            found.computeIfAbsent(new WebhookKey(claim.delivery()), k -> liveWebhook(claim.delivery()));
        }
        return claims.stream()
                .map(claim -> {
                    Delivery delivery = claim.delivery();
                    Optional<Webhook> webhook = found.get(new WebhookKey(delivery));
                    return claim.send()
                            ? send(delivery, data.get(delivery.eventId()), webhook, (attempt, result) ->
                                    schedule.afterAttempt(delivery, attempt, result.retryAfter(), Now.of(clock), random))
                            : CompletableFuture.completedFuture(notSent(delivery, webhook));
                })
                .toList();
    }

    /** An attempt at an open circuit: failed at once, without a send, and retried on schedule. */
    private Outcome notSent(Delivery delivery, Optional<Webhook> webhook) {
        if (webhook.isEmpty()) {
            return new Outcome(delivery.cancelled(), Optional.empty(), webhook);
        }
        Attempt attempt = new Attempt(delivery.attemptCount() + 1, Now.of(clock), Optional.empty(),
                Optional.of(CIRCUIT_OPEN), 0, Optional.empty());
        Delivery next = schedule.afterAttempt(delivery, attempt, Optional.empty(), Now.of(clock), random);
        return recorded(new Outcome(next, Optional.of(attempt), webhook));
    }

    /** An attempt's outcome, counted by what it made of its delivery (docs/API.md §8.5). */
    private Outcome recorded(Outcome outcome) {
        Delivery delivery = outcome.delivery();
        metrics.deliveryOutcome(delivery.tenant(), delivery.status() == DeliveryStatus.DELIVERED
                ? DeliveryOutcome.DELIVERED
                : outcome.finallyFailed() ? DeliveryOutcome.FINALLY_FAILED : DeliveryOutcome.FAILED_ATTEMPT);
        return outcome;
    }

    /** The data of the deliveries' events as UTF-8, one array per event. */
    private Map<EventId, byte[]> sharedData(List<Delivery> deliveries) {
        Map<EventId, byte[]> data = new HashMap<>();
        events.data(deliveries.stream().map(Delivery::eventId).distinct().toList())
                .forEach((event, eventData) -> data.put(event, eventData.utf8()));
        return data;
    }

    private record WebhookKey(TenantId tenant, WebhookId webhook) {
        WebhookKey(Delivery delivery) {
            this(delivery.tenant(), delivery.webhookId());
        }
    }

    /**
     * Sends one attempt by hand. It does not reschedule the delivery; like every attempt it counts towards the
     * schedule's number of attempts.
     */
    public CompletableFuture<Outcome> sendManually(Delivery delivery) {
        return send(delivery, sharedData(List.of(delivery)).get(delivery.eventId()), liveWebhook(delivery),
                (attempt, result) -> delivery.afterManual(attempt));
    }

    private Optional<Webhook> liveWebhook(Delivery delivery) {
        return webhooks.find(delivery.tenant(), delivery.webhookId()).filter(Webhook::isLive);
    }

    private CompletableFuture<Outcome> send(Delivery delivery, byte[] data, Optional<Webhook> webhook,
                                            BiFunction<Attempt, HttpResult, Delivery> next) {
        if (webhook.isEmpty() || data == null) {
            // Archived while queued (or its event deleted by hand): nothing to send to, or nothing to send.
            return CompletableFuture.completedFuture(new Outcome(delivery.cancelled(), Optional.empty(), webhook));
        }
        Instant started = Now.of(clock);
        return http.post(request(webhook.get(), DeliveryBody.of(delivery, data), delivery, started))
                .thenApply(result -> {
                    Attempt attempt = new Attempt(delivery.attemptCount() + 1, started, result.status(),
                            result.error(), result.durationMs(), result.responseBody());
                    metrics.attemptLatency(Duration.ofMillis(result.durationMs()));
                    return recorded(new Outcome(next.apply(attempt, result), Optional.of(attempt), webhook));
                });
    }

    private OutboundRequest request(Webhook webhook, DeliveryBody body, Delivery delivery, Instant now) {
        long timestamp = now.getEpochSecond();
        String messageId = delivery.id().value();
        // The tenant's own headers and Herald's: no name of the first can be one of the second (docs/API.md §4.1).
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers().values());
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        headers.put("Decoda-Signature", Signatures.decoda(webhook.secret(), body));
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signatures.standardWebhooks(webhook.signingSecrets(now), messageId, timestamp,
                body));
        return new OutboundRequest(webhook.url().uri(), headers, body);
    }
}
