package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.concurrently;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.port.out.ForThrottlingNotices.Decision;
import dev.herald.application.port.out.ForThrottlingNotices.Limits;
import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ForThrottlingNotices} does. */
public abstract class NoticeThrottleContract {
    /** One notice per webhook per 15 minutes; three per tenant per hour, so the tenant limit is quick to reach. */
    private static final Limits LIMITS = new Limits(Duration.ofMinutes(15), 3, Duration.ofHours(1));
    private static final Decision TOLD_RECENTLY = new Decision.WebhookToldRecently();

    private final WebhookId webhook = WebhookId.generate();
    private ForThrottlingNotices throttle;

    /** A throttle that has never sent a notice. */
    protected abstract ForThrottlingNotices freshThrottle();

    @BeforeEach
    void startFresh() {
        throttle = freshThrottle();
    }

    @Test
    void theFirstNoticeGoesOutWithNothingHeldBack() {
        assertEquals(send(0), acquire(webhook, 0));
    }

    @Test
    void noticesWithinTheWindowAreHeldBackAndCountedInTheNextOne() {
        acquire(webhook, 0);
        assertEquals(TOLD_RECENTLY, acquire(webhook, 1));
        assertEquals(TOLD_RECENTLY, acquire(webhook, 14));
        assertEquals(send(2), acquire(webhook, 15));
        assertEquals(TOLD_RECENTLY, acquire(webhook, 29));
        assertEquals(send(1), acquire(webhook, 31));
    }

    @Test
    void eachWebhookHasItsOwnWindow() {
        acquire(webhook, 0);
        assertEquals(send(0), acquire(WebhookId.generate(), 1));
    }

    @Test
    void concurrentFailuresSendOneNotice() throws Exception {
        long sent = concurrently(8, () -> acquire(webhook, 0)).stream()
                .filter(Decision.Send.class::isInstance)
                .count();
        assertEquals(1, sent);
        assertEquals(send(7), acquire(webhook, 20));
    }

    @Test
    void aTenantIsSentAtMostItsLimitAcrossItsWebhooksAndTheRestIsHeldBack() {
        List<WebhookId> hooks = IntStream.range(0, 5).mapToObj(i -> WebhookId.generate()).toList();

        assertEquals(send(0), acquire(hooks.get(0), 0));
        assertEquals(send(0), acquire(hooks.get(1), 10));
        assertEquals(send(0), acquire(hooks.get(2), 20));
        assertEquals(new Decision.TenantLimitReached(1), acquire(hooks.get(3), 30));
        assertEquals(new Decision.TenantLimitReached(2), acquire(hooks.get(4), 40));
        assertEquals(new Decision.TenantLimitReached(3), acquire(hooks.get(3), 59));

        assertEquals(send(2), acquire(hooks.get(3), 60), "an hour after the first notice one more may go out,"
                + " and it counts the failures the tenant limit held back");
        assertEquals(new Decision.TenantLimitReached(1), acquire(hooks.get(4), 61));
        assertEquals(send(2), acquire(hooks.get(4), 70));
    }

    @Test
    void theTenantLimitDoesNotTouchOtherTenants() {
        for (int i = 0; i < 4; i++) {
            throttle.tryAcquire(ACME, WebhookId.generate(), minutes(0), LIMITS);
        }
        assertEquals(send(0), throttle.tryAcquire(GLOBEX, WebhookId.generate(), minutes(0), LIMITS));
    }

    @Test
    void concurrentNoticesOfOneTenantKeepToItsLimit() throws Exception {
        List<Decision> decisions = concurrently(8, () -> acquire(WebhookId.generate(), 0));

        assertEquals(3, decisions.stream().filter(Decision.Send.class::isInstance).count(), decisions.toString());
        assertEquals(new Decision.TenantLimitReached(6), acquire(WebhookId.generate(), 1));
    }

    private Decision acquire(WebhookId hook, long minute) {
        return throttle.tryAcquire(ACME, hook, minutes(minute), LIMITS);
    }

    private static Decision send(int heldBackSince) {
        return new Decision.Send(heldBackSince);
    }
}
