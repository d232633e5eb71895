package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForPurgingHistory;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.domain.ConflictException;
import dev.herald.domain.UnavailableException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.Page;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.endpoint.EndpointTurn;
import dev.herald.domain.endpoint.RateWindow;
import dev.herald.domain.webhook.RateLimit;
import dev.herald.domain.event.EventId;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery queue and the delivery log in memory, both ports over one store as the database's are, with the
 * database adapter's lease semantics: a claim moves the due time to the end of the lease and hands out a fresh token,
 * so a leased delivery is not due again until its lease expires, and only the holder of the current token can
 * complete or release it. One lock guards everything. It also purges history past the retention, as the database
 * adapter does (the events it purges are those of the event store it was given).
 */
public final class InMemoryDeliveryQueue implements ForQueueingDeliveries, ForReadingDeliveryLog, ForPurgingHistory {
    /** Deliveries in insertion order, which breaks ties in sorting as the database's sequence does. */
    private final Map<DeliveryId, Delivery> deliveries = TransactionalMap.over(new LinkedHashMap<>(), this);
    private final Map<DeliveryId, List<Attempt>> attempts =
            TransactionalMap.overMutableValues(new HashMap<>(), this, ArrayList::new);
    /** Only unfinished deliveries. */
    private final Map<DeliveryId, QueueEntry> queue = TransactionalMap.over(new HashMap<>(), this);
    /** Each endpoint's health, from the sends recorded (real ones only). */
    private final Map<WebhookId, EndpointHealth> health = TransactionalMap.over(new HashMap<>(), this);
    /** When each endpoint last had its turn in a claim. */
    private final Map<WebhookId, Instant> lastTurn = new HashMap<>();
    /** Each endpoint's current rate window. */
    private final Map<WebhookId, RateWindow> rates = new HashMap<>();
    /** The events, for the size of their data. */
    private final InMemoryEventStore events;
    /** The webhooks, for whether they are disabled. */
    private final InMemoryWebhookStore webhooks;
    /** How many of the next claims fail, as a database that is briefly unreachable would. */
    private int failingClaims;
    /** How many of the next enqueues and cancellations fail, likewise. */
    private int failingWrites;
    /** While set, claims and completions fail as over a database that is away, and are counted. */
    private boolean unavailable;
    private int unavailableClaims;
    private int unavailableCompletions;

    public InMemoryDeliveryQueue(InMemoryEventStore events, InMemoryWebhookStore webhooks) {
        this.events = events;
        this.webhooks = webhooks;
    }

    private record QueueEntry(Instant dueAt, Optional<String> leaseToken) {
        boolean heldWith(String token) {
            return leaseToken.filter(token::equals).isPresent();
        }
    }

    @Override
    public synchronized void enqueue(List<Delivery> newDeliveries) {
        failIfAsked();
        for (Delivery delivery : newDeliveries) {
            if (deliveries.containsKey(delivery.id())) {
                throw new ConflictException("Delivery " + delivery.id() + " already exists");
            }
        }
        for (Delivery delivery : newDeliveries) {
            deliveries.put(delivery.id(), delivery);
            if (!delivery.status().isFinal()) {
                queue.put(delivery.id(), new QueueEntry(dueAt(delivery), Optional.empty()));
            }
        }
    }

    /**
     * The database adapter's fair claim: tenants take turns, then endpoints with due deliveries, the one served longest
     * ago first; each is offered an equal share and takes what its {@link EndpointTurn} allows, earliest due first.
     */
    @Override
    public synchronized List<Claim> claim(Instant now, int max, long maxDataBytes, Duration lease,
                                          EndpointLimits endpoints) {
        if (failingClaims > 0) {
            failingClaims--;
            throw new IllegalStateException("database unreachable (simulated)");
        }
        if (unavailable) {
            unavailableClaims++;
            throw unavailable();
        }
        Map<WebhookId, List<DeliveryId>> dueByEndpoint = new HashMap<>();
        Map<WebhookId, Integer> inFlight = new HashMap<>();
        queue.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(QueueEntry::dueAt)))
                .forEach(e -> {
                    Delivery delivery = deliveries.get(e.getKey());
                    WebhookId webhook = delivery.webhookId();
                    if (webhooks.stored(delivery.tenant(), webhook).filter(Webhook::isDisabled).isPresent()) {
                        return; // held until the webhook is enabled
                    }
                    if (!e.getValue().dueAt().isAfter(now)) {
                        dueByEndpoint.computeIfAbsent(webhook, w -> new ArrayList<>()).add(e.getKey());
                    } else if (e.getValue().leaseToken().isPresent()) {
                        inFlight.merge(webhook, 1, Integer::sum);
                    }
                });
        Comparator<WebhookId> longestWaiting = Comparator
                .comparing((WebhookId w) -> lastTurn.getOrDefault(w, Instant.MIN))
                .thenComparing(w -> queue.get(dueByEndpoint.get(w).get(0)).dueAt());
        Map<WebhookId, Integer> tenantTurn = new HashMap<>();
        Map<TenantId, Integer> lanesOfTenant = new HashMap<>();
        dueByEndpoint.keySet().stream().sorted(longestWaiting).forEach(w -> tenantTurn.put(w,
                lanesOfTenant.merge(deliveries.get(dueByEndpoint.get(w).get(0)).tenant(), 1, Integer::sum)));
        List<WebhookId> lanes = dueByEndpoint.keySet().stream()
                .sorted(Comparator.comparing((WebhookId w) -> tenantTurn.get(w)).thenComparing(longestWaiting))
                .limit(Math.min(max, 64))
                .toList();
        int share = lanes.isEmpty() ? 0 : (max + lanes.size() - 1) / lanes.size();
        List<Map.Entry<DeliveryId, Boolean>> taken = new ArrayList<>();
        for (WebhookId webhook : lanes) {
            EndpointHealth before = healthOf(webhook);
            RateWindow rate = rates.getOrDefault(webhook, RateWindow.NONE);
            Optional<RateLimit> limit = webhooks.stored(deliveries.get(dueByEndpoint.get(webhook).get(0)).tenant(),
                    webhook).flatMap(Webhook::rateLimit);
            EndpointTurn turn = EndpointTurn.of(before, inFlight.getOrDefault(webhook, 0),
                    Math.min(share, max - taken.size()), rate.allowance(limit, now), endpoints, now);
            List<DeliveryId> ids = dueByEndpoint.get(webhook).stream().limit(turn.take()).toList();
            ids.forEach(id -> taken.add(Map.entry(id, turn.send())));
            rates.put(webhook, rate.after(turn.send() ? ids.size() : 0, now));
            lastTurn.put(webhook, now);
            if (turn.probe() && !ids.isEmpty()) {
                health.put(webhook, before.probed());
            }
        }
        taken.sort(Comparator.comparing(one -> queue.get(one.getKey()).dueAt())); // the byte bound keeps the earliest
        List<Claim> claims = new ArrayList<>(taken.size());
        Set<EventId> counted = new HashSet<>();
        long dataBytes = 0;
        String token = UUID.randomUUID().toString();
        for (Map.Entry<DeliveryId, Boolean> one : taken) {
            DeliveryId id = one.getKey();
            EventId event = deliveries.get(id).eventId();
            if (counted.add(event)) {
                dataBytes += events.dataLength(event);
                if (dataBytes > maxDataBytes && !claims.isEmpty()) {
                    break;
                }
            }
            queue.put(id, new QueueEntry(now.plus(lease), Optional.of(token)));
            claims.add(new Claim(deliveries.get(id), token, one.getValue()));
        }
        return claims;
    }

    @Override
    public synchronized List<HealthChange> complete(List<Completion> completions) {
        if (unavailable) {
            unavailableCompletions++;
            throw unavailable();
        }
        Map<WebhookId, HealthChange> changes = new LinkedHashMap<>();
        for (Completion completion : completions) {
            Claim claim = completion.claim();
            QueueEntry entry = queue.get(claim.delivery().id());
            if (entry != null && entry.heldWith(claim.leaseToken())) {
                store(completion.updated(), completion.attempt());
                if (claim.send()) {
                    Delivery updated = completion.updated();
                    completion.attempt().ifPresent(a -> recordSend(updated.tenant(), updated.webhookId(), a, changes));
                }
            }
        }
        return changes.values().stream()
                .filter(c -> c.before().isFailing() || c.after().isFailing())
                .toList();
    }

    private void recordSend(TenantId tenant, WebhookId webhook, Attempt attempt, Map<WebhookId, HealthChange> changes) {
        EndpointHealth before = healthOf(webhook);
        EndpointHealth after = attempt.succeeded() ? before.succeeded() : before.failed(attempt.date(),
                attempt.error().orElse("HTTP " + attempt.status().orElse(0)));
        health.put(webhook, after);
        changes.merge(webhook, new HealthChange(tenant, webhook, before, after),
                (first, next) -> new HealthChange(tenant, webhook, first.before(), next.after()));
    }

    private EndpointHealth healthOf(WebhookId webhook) {
        return health.getOrDefault(webhook, EndpointHealth.HEALTHY);
    }

    @Override
    public synchronized EndpointCensus endpointCensus(int failures) {
        List<Webhook> live = webhooks.all().stream().filter(Webhook::isLive).toList();
        return new EndpointCensus(live.stream().filter(Webhook::isDisabled).count(), live.stream()
                .filter(w -> !w.isDisabled())
                .map(w -> healthOf(w.id()))
                .filter(h -> h.consecutiveFailures() >= failures)
                .toList());
    }

    @Override
    public synchronized Map<WebhookId, EndpointHealth> health(TenantId tenant, Collection<WebhookId> webhooks) {
        Map<WebhookId, EndpointHealth> found = new LinkedHashMap<>();
        webhooks.forEach(id -> found.put(id, healthOf(id)));
        return found;
    }

    @Override
    public synchronized void release(List<Claim> claims) {
        for (Claim claim : claims) {
            DeliveryId id = claim.delivery().id();
            QueueEntry entry = queue.get(id);
            if (entry != null && entry.heldWith(claim.leaseToken())) {
                // Back to the time it was due when claimed: due at once, and no clock needed.
                queue.put(id, new QueueEntry(dueAt(claim.delivery()), Optional.empty()));
            }
        }
    }

    /** The next {@code count} claims fail, as if the database were briefly unreachable. */
    public synchronized void failNextClaims(int count) {
        failingClaims = count;
    }

    /** From now on claims and completions fail as the database adapter's do while the database is away. */
    public synchronized void goUnavailable() {
        unavailable = true;
    }

    public synchronized void comeBack() {
        unavailable = false;
    }

    /** How many claims failed while unavailable. */
    public synchronized int unavailableClaims() {
        return unavailableClaims;
    }

    /** How many completions failed while unavailable. */
    public synchronized int unavailableCompletions() {
        return unavailableCompletions;
    }

    private static UnavailableException unavailable() {
        return new UnavailableException("Herald's database is unavailable or overloaded; retry later",
                new IllegalStateException("database unreachable (simulated)"));
    }

    /** The next {@code count} enqueues or cancellations fail, as if the database were briefly unreachable. */
    public synchronized void failNextWrites(int count) {
        failingWrites = count;
    }

    private void failIfAsked() {
        if (failingWrites > 0) {
            failingWrites--;
            throw new IllegalStateException("database unreachable (simulated)");
        }
    }

    /** A manual attempt: a PENDING delivery's queue entry stays as it is (a worker may hold it), or is put back. */
    @Override
    public synchronized void recordManualAttempt(Delivery updated, Attempt attempt) {
        if (!deliveries.containsKey(updated.id())) {
            throw NotFoundException.delivery(); // purged while it was being re-sent
        }
        deliveries.put(updated.id(), updated);
        attempts.computeIfAbsent(updated.id(), id -> new ArrayList<>()).add(attempt);
        recordSend(updated.tenant(), updated.webhookId(), attempt, new HashMap<>());
        if (updated.status().isFinal()) {
            queue.remove(updated.id());
        } else {
            queue.putIfAbsent(updated.id(), new QueueEntry(dueAt(updated), Optional.empty()));
        }
    }

    /** Saves a completed claim: a final delivery leaves the queue, a pending one is due at its next attempt date. */
    private void store(Delivery updated, Optional<Attempt> attempt) {
        deliveries.put(updated.id(), updated);
        attempt.ifPresent(a -> attempts.computeIfAbsent(updated.id(), id -> new ArrayList<>()).add(a));
        if (updated.status().isFinal()) {
            queue.remove(updated.id());
        } else {
            queue.put(updated.id(), new QueueEntry(dueAt(updated), Optional.empty()));
        }
    }

    @Override
    public synchronized Optional<Delivery> find(TenantId tenant, DeliveryId id) {
        return Optional.ofNullable(deliveries.get(id)).filter(d -> d.tenant().equals(tenant));
    }

    @Override
    public synchronized Page<Delivery> page(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        return InMemoryKeyset.page(List.copyOf(deliveries.values()),
                d -> d.tenant().equals(tenant) && d.webhookId().equals(webhook)
                        && InMemoryDeliveryFilter.matches(query, d),
                query::sortDate, query.sortDirection() == SortDirection.DESC, query.after(), query.offset(),
                query.limit());
    }

    @Override
    public synchronized List<Delivery> ofEvent(TenantId tenant, EventId event) {
        return deliveries.values().stream()
                .filter(d -> d.tenant().equals(tenant) && d.eventId().equals(event))
                .toList();
    }

    @Override
    public synchronized Map<DeliveryId, List<Attempt>> attempts(Collection<DeliveryId> ids) {
        Map<DeliveryId, List<Attempt>> result = new LinkedHashMap<>();
        for (DeliveryId id : ids) {
            List<Attempt> list = new ArrayList<>(attempts.getOrDefault(id, List.of()));
            list.sort(Comparator.comparingInt(Attempt::number));
            result.put(id, List.copyOf(list));
        }
        return result;
    }

    @Override
    public synchronized void freshStart(TenantId tenant, WebhookId webhook, Instant now) {
        health.remove(webhook);
    }

    @Override
    public synchronized int recover(TenantId tenant, WebhookId webhook, Instant since, Instant now) {
        List<Delivery> failed = deliveries.values().stream()
                .filter(d -> d.tenant().equals(tenant) && d.webhookId().equals(webhook))
                .filter(d -> d.status() == DeliveryStatus.FAILED && !d.createdDate().isBefore(since))
                .toList();
        for (Delivery delivery : failed) {
            Delivery recovered = delivery.recovered(now);
            deliveries.put(recovered.id(), recovered);
            queue.put(recovered.id(), new QueueEntry(now, Optional.empty()));
        }
        return failed.size();
    }

    @Override
    public synchronized Backlog backlog(Instant now) {
        failIfAsked();
        return new Backlog(queue.size(), queue.values().stream().map(QueueEntry::dueAt)
                .filter(due -> !due.isAfter(now)).min(Instant::compareTo));
    }

    @Override
    public synchronized int cancelPending(TenantId tenant, WebhookId webhook) {
        failIfAsked();
        List<Delivery> pending = deliveries.values().stream()
                .filter(d -> d.tenant().equals(tenant) && d.webhookId().equals(webhook))
                .filter(d -> !d.status().isFinal())
                .toList();
        for (Delivery delivery : pending) {
            deliveries.put(delivery.id(), delivery.cancelled());
            queue.remove(delivery.id());
        }
        return pending.size();
    }

    /** How many deliveries are still queued, leased or not (for tests). */
    public synchronized int queuedCount() {
        return queue.size();
    }

    private static Instant dueAt(Delivery delivery) {
        return delivery.nextAttemptDate().orElse(delivery.createdDate());
    }

    @Override
    public synchronized Purged purgeDeliveries(Instant finishedBefore, int max) {
        List<Delivery> oldest = deliveries.values().stream()
                .filter(d -> d.finishedDate().filter(f -> f.isBefore(finishedBefore)).isPresent())
                .filter(d -> !queue.containsKey(d.id()))
                .sorted(Comparator.comparing(d -> d.finishedDate().orElseThrow()))
                .limit(max)
                .toList();
        int purgedAttempts = 0;
        for (Delivery delivery : oldest) {
            List<Attempt> removed = attempts.remove(delivery.id());
            purgedAttempts += removed == null ? 0 : removed.size();
            deliveries.remove(delivery.id());
        }
        return new Purged(oldest.size(), purgedAttempts);
    }

    @Override
    public synchronized int purgeEvents(Instant createdBefore, int max) {
        Set<EventId> referenced = new HashSet<>();
        deliveries.values().forEach(d -> referenced.add(d.eventId()));
        return events.removeCreatedBefore(createdBefore, max, referenced::contains);
    }
}
