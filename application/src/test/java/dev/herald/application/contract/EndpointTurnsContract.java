package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.NO_LIMITS;
import static dev.herald.application.contract.ContractFixtures.answered;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.unanswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.port.out.ForQueueingDeliveries.Completion;
import dev.herald.application.port.out.ForQueueingDeliveries.HealthChange;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.RateLimit;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every queue does between endpoints (docs/API.md §6.8): claims shared fairly, each endpoint's sends open on all
 * claimers together held to its concurrency, and the circuit breaker kept from the sends recorded.
 */
public abstract class EndpointTurnsContract extends DeliveriesContract {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration COOLDOWN = Duration.ofMinutes(1);
    private static final EndpointLimits THREE_AT_ONCE = new EndpointLimits(3, CircuitBreaker.NEVER, Duration.ZERO);
    private static final EndpointLimits OPEN_AFTER_TWO =
            new EndpointLimits(1_000, new CircuitBreaker(2, COOLDOWN, Duration.ofMinutes(4)), Duration.ZERO);

    private List<Delivery> backlog(Webhook webhook, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> enqueued(webhook, EventType.PATIENT_CREATED, minutes(0).plusSeconds(i)))
                .toList();
    }

    private static List<DeliveryId> ids(List<Claim> claims, Webhook webhook) {
        return claims.stream().map(Claim::delivery).filter(d -> d.webhookId().equals(webhook.id()))
                .map(Delivery::id).toList();
    }

    private List<Claim> claim(Instant now, int max, EndpointLimits limits) {
        return queue.claim(now, max, ANY_SIZE, LEASE, limits);
    }

    private void complete(Claim claim, Attempt attempt, Optional<Instant> retryAt) {
        queue.complete(List.of(new Completion(claim, claim.delivery().after(attempt, retryAt), Optional.of(attempt))));
    }

    private void fail(Claim claim, Instant at) {
        complete(claim, unanswered(claim.delivery().attemptCount() + 1, at, "connect timed out"),
                Optional.of(at.plus(Duration.ofHours(1))));
    }

    private EndpointHealth health(Webhook webhook) {
        return queue.health(webhook.tenant(), List.of(webhook.id())).get(webhook.id());
    }

    // ---- Fair shares ----
    @Test
    void aClaimIsSharedBetweenEndpointsSoABacklogDoesNotHoldUpANewerDelivery() {
        List<Delivery> noisy = backlog(hook, 20);
        Webhook quietHook = newWebhook(GLOBEX);
        Delivery quiet = enqueued(quietHook, EventType.PATIENT_CREATED, minutes(3));

        List<Claim> claims = claim(minutes(5), 4, NO_LIMITS);

        assertEquals(List.of(quiet.id()), ids(claims, quietHook), "the newer delivery of the other endpoint");
        assertEquals(List.of(noisy.get(0).id(), noisy.get(1).id()), ids(claims, hook),
                "an equal share of the backlog, earliest first");
    }

    @Test
    void tenantsTakeTurnsSoOneWithManyBusyEndpointsDoesNotCrowdOutAnother() {
        for (int i = 0; i < 5; i++) {
            backlog(newWebhook(ACME), 3);
        }
        Webhook quietHook = newWebhook(GLOBEX);
        Delivery quiet = enqueued(quietHook, EventType.PATIENT_CREATED, minutes(3));

        assertEquals(List.of(quiet.id()), ids(claim(minutes(5), 2, NO_LIMITS), quietHook),
                "one of two places goes to the other tenant, though five endpoints of the first waited longer");
    }

    @Test
    void withinOneEndpointDeliveriesAreClaimedInDueOrder() {
        List<Delivery> due = backlog(hook, 6);
        assertEquals(List.of(due.get(0).id(), due.get(1).id(), due.get(2).id()), ids(claim(minutes(5), 3, NO_LIMITS),
                hook));
        assertEquals(List.of(due.get(3).id(), due.get(4).id(), due.get(5).id()), ids(claim(minutes(5), 3, NO_LIMITS),
                hook));
    }

    // ---- Concurrency ----
    @Test
    void anEndpointNeverHasMoreSendsOpenThanItsConcurrencyAcrossClaims() {
        backlog(hook, 10);
        Webhook other = newWebhook(ACME);
        Delivery otherDue = enqueued(other, EventType.PATIENT_CREATED, minutes(1));

        List<Claim> first = claim(minutes(5), 10, THREE_AT_ONCE);
        assertEquals(3, ids(first, hook).size(), "three at once");
        assertEquals(List.of(otherDue.id()), ids(first, other), "the other endpoint is not held up");
        assertEquals(List.of(), ids(claim(minutes(5), 10, THREE_AT_ONCE), hook), "no fourth while three are open");

        Claim done = first.stream().filter(c -> c.delivery().webhookId().equals(hook.id())).findFirst().orElseThrow();
        complete(done, answered(1, minutes(5), 200), Optional.empty());
        assertEquals(1, ids(claim(minutes(5).plusMillis(500), 10, THREE_AT_ONCE), hook).size(),
                "one finished, one more goes at once");
    }

    @Test
    void sendsWhoseLeaseEndedNoLongerCountAsOpen() {
        backlog(hook, 10);
        assertEquals(3, claim(minutes(5), 10, THREE_AT_ONCE).size());
        assertEquals(3, claim(minutes(5).plus(LEASE).plusSeconds(1), 10, THREE_AT_ONCE).size(),
                "a dead node's leases do not hold the endpoint forever");
    }

    @Test
    void aRateLimitedEndpointStartsAtMostItsRateEachSecondAndTheRestWait() {
        deliveries.webhooks().update(hook.withRateLimit(Optional.of(new RateLimit(2))));
        List<Delivery> due = backlog(hook, 5);
        Instant second = minutes(5);

        assertEquals(List.of(due.get(0).id(), due.get(1).id()), ids(claim(second, 10, NO_LIMITS), hook));
        assertEquals(List.of(), ids(claim(second.plusMillis(900), 10, NO_LIMITS), hook), "no third in that second");
        assertEquals(List.of(due.get(2).id(), due.get(3).id()), ids(claim(second.plusSeconds(1), 10, NO_LIMITS),
                hook), "two more in the next, in due order, none of them having used an attempt");
    }

    // ---- Circuit breaker ----
    @Test
    void afterEnoughFailedSendsTheCircuitOpensAndDueDeliveriesAreClaimedNotToBeSent() {
        backlog(hook, 5);
        List<Claim> sent = claim(minutes(1), 2, OPEN_AFTER_TWO);
        assertTrue(sent.stream().allMatch(Claim::send));
        sent.forEach(c -> fail(c, minutes(1)));

        EndpointHealth health = health(hook);
        assertEquals(2, health.consecutiveFailures());
        assertEquals(Optional.of(minutes(1)), health.failingSince());
        assertEquals(Optional.of("connect timed out"), health.lastError());

        List<Claim> whileOpen = claim(minutes(1).plusSeconds(30), 10, OPEN_AFTER_TWO);
        assertEquals(3, whileOpen.size(), "due deliveries are still claimed, to keep their retry schedule");
        assertTrue(whileOpen.stream().noneMatch(Claim::send), "but not sent");

        whileOpen.forEach(c -> fail(c, minutes(1).plusSeconds(30)));
        assertEquals(2, health(hook).consecutiveFailures(), "attempts not sent are not the endpoint's failures");
    }

    @Test
    void afterTheCooldownOneProbeIsSentAndItsSuccessClosesTheCircuit() {
        backlog(hook, 5);
        claim(minutes(1), 2, OPEN_AFTER_TWO).forEach(c -> fail(c, minutes(1)));
        Instant cooledDown = minutes(1).plus(COOLDOWN);

        List<Claim> probe = claim(cooledDown, 10, OPEN_AFTER_TWO);
        assertEquals(1, probe.size(), "one probe");
        assertTrue(probe.get(0).send());
        List<Claim> meanwhile = claim(cooledDown, 10, OPEN_AFTER_TWO);
        assertTrue(meanwhile.stream().noneMatch(Claim::send), "nothing else is sent while the probe is out");
        meanwhile.forEach(c -> fail(c, cooledDown));
        Delivery next = enqueued(hook, EventType.PATIENT_CREATED, cooledDown);

        complete(probe.get(0), answered(1, cooledDown, 200), Optional.empty());
        assertEquals(EndpointHealth.HEALTHY.consecutiveFailures(), health(hook).consecutiveFailures());
        List<Claim> after = claim(cooledDown, 10, OPEN_AFTER_TWO);
        assertEquals(List.of(next.id()), ids(after, hook), "due work flows at once");
        assertTrue(after.stream().allMatch(Claim::send));
    }

    @Test
    void aFailedProbeKeepsTheCircuitOpenTwiceAsLong() {
        backlog(hook, 5);
        claim(minutes(1), 2, OPEN_AFTER_TWO).forEach(c -> fail(c, minutes(1)));
        Instant probedAt = minutes(1).plus(COOLDOWN);
        Claim probe = claim(probedAt, 10, OPEN_AFTER_TWO).get(0);
        fail(probe, probedAt);

        Instant oneCooldownLater = probedAt.plus(COOLDOWN).plusSeconds(1);
        assertTrue(claim(oneCooldownLater, 10, OPEN_AFTER_TWO).stream().noneMatch(Claim::send),
                "still open one cool-down after the failed probe");
        List<Claim> nextProbe = claim(probedAt.plus(COOLDOWN.multipliedBy(2)), 10, OPEN_AFTER_TWO);
        assertEquals(0, nextProbe.stream().filter(c -> !c.send()).count());
    }

    @Test
    void completingTellsHowEachEndpointsHealthMovedSoItsCircuitsChangesAreSeenOnce() {
        backlog(hook, 4);
        List<HealthChange> opened = queue.complete(claim(minutes(1), 2, OPEN_AFTER_TWO).stream()
                .map(c -> failed(c, minutes(1))).toList());
        assertEquals(1, opened.size(), "one per endpoint");
        assertEquals(hook.tenant(), opened.get(0).tenant());
        assertEquals(hook.id(), opened.get(0).webhook());
        assertEquals(0, opened.get(0).before().consecutiveFailures());
        assertEquals(2, opened.get(0).after().consecutiveFailures());

        Instant cooledDown = minutes(1).plus(COOLDOWN);
        Claim probe = claim(cooledDown, 10, OPEN_AFTER_TWO).get(0);
        List<HealthChange> closed = queue.complete(List.of(new Completion(probe,
                probe.delivery().after(answered(1, cooledDown, 200), Optional.empty()),
                Optional.of(answered(1, cooledDown, 200)))));
        assertEquals(1, closed.size());
        assertEquals(2, closed.get(0).before().consecutiveFailures());
        assertEquals(0, closed.get(0).after().consecutiveFailures());

        Claim healthy = claim(cooledDown, 10, OPEN_AFTER_TWO).get(0);
        assertEquals(List.of(), queue.complete(List.of(new Completion(healthy,
                        healthy.delivery().after(answered(1, cooledDown, 200), Optional.empty()),
                        Optional.of(answered(1, cooledDown, 200))))),
                "an endpoint that was healthy and only succeeded did not change");
    }

    private static Completion failed(Claim claim, Instant at) {
        Attempt attempt = unanswered(claim.delivery().attemptCount() + 1, at, "connect timed out");
        return new Completion(claim, claim.delivery().after(attempt, Optional.of(at.plus(Duration.ofHours(1)))),
                Optional.of(attempt));
    }

    @Test
    void anEndpointNeverSentToIsHealthy() {
        assertEquals(EndpointHealth.HEALTHY, health(hook));
    }

    // ---- Disabled webhooks, a fresh start, recover ----
    @Test
    void aDisabledWebhooksDeliveriesAreHeldAndGoOutAfterAFreshStart() {
        Delivery held = enqueued(minutes(0));
        deliveries.webhooks().update(hook.disabled(minutes(0)));
        assertEquals(List.of(), claim(minutes(5), 10, NO_LIMITS), "held while disabled");

        deliveries.webhooks().update(hook.enabled(minutes(5)));
        queue.freshStart(hook.tenant(), hook.id(), minutes(5));
        assertEquals(List.of(held.id()), ids(claim(minutes(5), 10, NO_LIMITS), hook));
    }

    @Test
    void aFreshStartClosesTheCircuitAndForgetsTheFailures() {
        backlog(hook, 4);
        claim(minutes(1), 2, OPEN_AFTER_TWO).forEach(c -> fail(c, minutes(1)));

        queue.freshStart(hook.tenant(), hook.id(), minutes(2));

        assertEquals(0, health(hook).consecutiveFailures());
        assertEquals(Optional.empty(), health(hook).failingSince());
        assertTrue(claim(minutes(2), 10, OPEN_AFTER_TWO).stream().allMatch(Claim::send), "sent, not failed at once");
    }

    @Test
    void recoverQueuesAgainTheDeliveriesThatFinallyFailedSinceTheGivenTime() {
        List<Delivery> all = List.of(enqueued(minutes(0)), enqueued(minutes(10)), enqueued(minutes(20)));
        for (Claim claim : claim(minutes(30), 10, NO_LIMITS)) {
            boolean delivered = claim.delivery().id().equals(all.get(2).id());
            Attempt attempt = delivered ? answered(7, minutes(30), 200) : unanswered(7, minutes(30), "refused");
            complete(claim, attempt, Optional.empty());
        }

        assertEquals(1, queue.recover(hook.tenant(), hook.id(), minutes(5), minutes(40)),
                "only the failed one created since minute 5");
        Claim again = claim(minutes(40), 10, NO_LIMITS).get(0);
        assertEquals(all.get(1).id(), again.delivery().id());
        assertEquals(DeliveryStatus.PENDING, again.delivery().status());
        assertEquals(7, again.delivery().attemptCount(), "its attempts are kept; the next is number 8");
        assertEquals(0, queue.recover(hook.tenant(), hook.id(), minutes(5), minutes(41)), "nothing failed since");
    }
}
