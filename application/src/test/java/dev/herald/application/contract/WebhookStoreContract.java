package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.Page;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.Subscription;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookHeaders;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookUrl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ForStoringWebhooks} does. */
public abstract class WebhookStoreContract {
    private ForStoringWebhooks webhooks;

    /** A store with no webhooks in it. */
    protected abstract ForStoringWebhooks emptyWebhookStore();

    @BeforeEach
    void startEmpty() {
        webhooks = emptyWebhookStore();
    }

    @Test
    void givesBackWhatWasInsertedUnchanged() {
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED, EventType.CALL_RECIEVED);
        webhooks.insert(webhook);
        assertEquals(Optional.of(webhook), webhooks.find(ACME, webhook.id()));
    }

    @Test
    void anotherTenantsWebhookIsNotFound() {
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        webhooks.insert(webhook);
        assertTrue(webhooks.find(GLOBEX, webhook.id()).isEmpty());
        assertTrue(webhooks.find(ACME, WebhookId.generate()).isEmpty());
    }

    @Test
    void updateReplacesEveryField() {
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        webhooks.insert(webhook);
        Webhook changed = webhook
                .withChanges(new WebhookUrl("https://other.example.org/x?y=1"),
                        Subscription.of(EventType.PAYMENT_FAILED, EventType.MAIL_SENT), Optional.empty(), minutes(1))
                .withRotatedSecret(new SecretGenerator().next(), Duration.ofHours(1), minutes(2))
                .archived(minutes(3));
        webhooks.update(changed);
        assertEquals(Optional.of(changed), webhooks.find(ACME, webhook.id()));
    }

    @Test
    void clearingTheEmailIsKept() {
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        webhooks.insert(webhook);
        Webhook withoutEmail = webhook.withChanges(webhook.url(), webhook.subscription(), Optional.empty(), minutes(1));
        webhooks.update(withoutEmail);
        assertEquals(Optional.empty(), webhooks.find(ACME, webhook.id()).orElseThrow().notificationEmail());
        Webhook withEmail = withoutEmail.withChanges(webhook.url(), webhook.subscription(),
                Optional.of(new EmailAddress("new@example.com")), minutes(2));
        webhooks.update(withEmail);
        assertEquals(Optional.of(withEmail), webhooks.find(ACME, webhook.id()));
    }

    @Test
    void headersComeBackAsGivenInTheirOrderAndAreReplacedOrClearedByAnUpdate() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("X-Zeta", "z");
        given.put("Authorization", "Bearer a.b: c \"d\" ~");
        given.put("x-empty", "");
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED).withHeaders(WebhookHeaders.of(given));
        webhooks.insert(webhook);

        Webhook found = webhooks.find(ACME, webhook.id()).orElseThrow();
        assertEquals(webhook, found);
        assertEquals(List.copyOf(given.keySet()), List.copyOf(found.headers().values().keySet()), "in their order");
        assertEquals(List.of(webhook), webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED));

        Webhook replaced = webhook.withHeaders(WebhookHeaders.of(Map.of("X-Other", "o".repeat(4096))));
        webhooks.update(replaced);
        assertEquals(Optional.of(replaced), webhooks.find(ACME, webhook.id()));

        Webhook cleared = replaced.withHeaders(WebhookHeaders.NONE);
        webhooks.update(cleared);
        assertEquals(WebhookHeaders.NONE, webhooks.find(ACME, webhook.id()).orElseThrow().headers());
    }

    @Test
    void listsOldestFirstAndHidesArchivedUnlessAsked() {
        Webhook newest = webhook(ACME, minutes(3), EventType.PATIENT_CREATED);
        Webhook oldest = webhook(ACME, minutes(1), EventType.PATIENT_CREATED);
        Webhook middle = webhook(ACME, minutes(2), EventType.PATIENT_CREATED);
        Webhook others = webhook(GLOBEX, minutes(0), EventType.PATIENT_CREATED);
        List.of(newest, oldest, middle, others).forEach(webhooks::insert);
        Webhook archivedMiddle = middle.archived(minutes(4));
        webhooks.update(archivedMiddle);

        assertEquals(List.of(oldest, newest), webhooks.list(ACME, false));
        assertEquals(List.of(oldest, archivedMiddle, newest), webhooks.list(ACME, true));
        assertEquals(2, webhooks.countLive(ACME), "archived ones do not count");
        assertEquals(List.of(), webhooks.list(new dev.herald.domain.tenant.TenantId("nobody"), true));
    }

    @Test
    void pagesOldestFirstFromAfterAPositionWhileWebhooksAreAdded() {
        Webhook first = webhook(ACME, minutes(1), EventType.PATIENT_CREATED);
        Webhook second = webhook(ACME, minutes(2), EventType.PATIENT_CREATED);
        Webhook third = webhook(ACME, minutes(2), EventType.PATIENT_CREATED); // same date: insertion breaks the tie
        Webhook archived = webhook(ACME, minutes(3), EventType.PATIENT_CREATED).archived(minutes(4));
        List.of(first, second, third, archived).forEach(webhooks::insert);
        webhooks.insert(webhook(GLOBEX, minutes(2), EventType.PATIENT_CREATED));

        Page<Webhook> page = webhooks.page(ACME, false, 2, Optional.empty());
        assertEquals(List.of(first, second), page.items());
        webhooks.insert(webhook(ACME, minutes(0), EventType.PATIENT_CREATED)); // older: before the first page
        Page<Webhook> rest = webhooks.page(ACME, false, 2, page.next());
        assertEquals(List.of(third), rest.items());
        assertEquals(Optional.empty(), rest.next());
        assertEquals(List.of(third, archived), webhooks.page(ACME, true, 5, page.next()).items());
    }

    @Test
    void liveSubscribersAreTheTenantsLiveWebhooksWantingTheType() {
        Webhook wants = webhook(ACME, minutes(1), EventType.PATIENT_CREATED, EventType.PAYMENT_FAILED);
        Webhook alsoWants = webhook(ACME, minutes(2), EventType.PATIENT_CREATED);
        Webhook wantsOther = webhook(ACME, minutes(3), EventType.PAYMENT_FAILED);
        Webhook archived = webhook(ACME, minutes(4), EventType.PATIENT_CREATED);
        Webhook otherTenant = webhook(GLOBEX, minutes(5), EventType.PATIENT_CREATED);
        List.of(wants, alsoWants, wantsOther, archived, otherTenant).forEach(webhooks::insert);
        webhooks.update(archived.archived(minutes(6)));

        assertEquals(List.of(wants, alsoWants), webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(List.of(), webhooks.liveSubscribers(ACME, EventType.MAIL_SENT));
        assertEquals(2, webhooks.countLiveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(0, webhooks.countLiveSubscribers(ACME, EventType.MAIL_SENT));
    }

    @Test
    void changingTheTypesMovesTheWebhookBetweenSubscriberLists() {
        Webhook older = webhook(ACME, minutes(1), EventType.PATIENT_CREATED, EventType.PAYMENT_FAILED);
        Webhook newer = webhook(ACME, minutes(2), EventType.PATIENT_CREATED);
        List.of(older, newer).forEach(webhooks::insert);
        Webhook newerMoved = newer.withChanges(newer.url(),
                Subscription.of(EventType.MAIL_SENT, EventType.PATIENT_CREATED), newer.notificationEmail(), minutes(3));
        webhooks.update(newerMoved);
        Webhook olderMoved = older.withChanges(older.url(),
                Subscription.of(EventType.PAYMENT_FAILED, EventType.MAIL_SENT), older.notificationEmail(), minutes(4));
        webhooks.update(olderMoved);

        assertEquals(List.of(newerMoved), webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(List.of(olderMoved), webhooks.liveSubscribers(ACME, EventType.PAYMENT_FAILED));
        assertEquals(List.of(olderMoved, newerMoved), webhooks.liveSubscribers(ACME, EventType.MAIL_SENT),
                "in the webhooks' order, however recently each changed");
        assertEquals(1, webhooks.countLiveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(2, webhooks.countLiveSubscribers(ACME, EventType.MAIL_SENT));
        assertEquals(2, webhooks.countLive(ACME));
    }

    @Test
    void anArchivedWebhookSubscribesToNothingEvenWhenUpdatedAgain() {
        Webhook kept = webhook(ACME, minutes(1), EventType.PATIENT_CREATED);
        Webhook gone = webhook(ACME, minutes(2), EventType.PATIENT_CREATED, EventType.MAIL_SENT);
        List.of(kept, gone).forEach(webhooks::insert);
        Webhook archived = gone.archived(minutes(3));
        webhooks.update(archived);
        webhooks.update(archived.disabled(minutes(4)));

        assertEquals(List.of(kept), webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(List.of(), webhooks.liveSubscribers(ACME, EventType.MAIL_SENT));
        assertEquals(1, webhooks.countLiveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(0, webhooks.countLiveSubscribers(ACME, EventType.MAIL_SENT));
        assertEquals(1, webhooks.countLive(ACME));
    }

    @Test
    void aDisabledWebhookStaysALiveSubscriberOnceOnly() {
        Webhook webhook = webhook(ACME, minutes(1), EventType.PATIENT_CREATED, EventType.MAIL_SENT);
        webhooks.insert(webhook);
        Webhook disabled = webhook.disabled(minutes(2));
        webhooks.update(disabled);

        assertEquals(List.of(disabled), webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED),
                "its deliveries are held, so publishing still makes them");
        assertEquals(1, webhooks.countLiveSubscribers(ACME, EventType.MAIL_SENT));
        assertEquals(1, webhooks.countLive(ACME));

        Webhook enabled = disabled.enabled(minutes(3));
        webhooks.update(enabled);
        webhooks.update(enabled.withRotatedSecret(new SecretGenerator().next(), Duration.ofHours(1), minutes(4)));
        assertEquals(1, webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED).size());
        assertEquals(1, webhooks.countLiveSubscribers(ACME, EventType.PATIENT_CREATED));
        assertEquals(1, webhooks.countLiveSubscribers(ACME, EventType.MAIL_SENT));
    }

    @Test
    void subscribersCreatedAtOneInstantComeInInsertionOrder() {
        List<Webhook> sameInstant = List.of(webhook(ACME, minutes(1), EventType.PATIENT_CREATED),
                webhook(ACME, minutes(1), EventType.PATIENT_CREATED, EventType.MAIL_SENT),
                webhook(ACME, minutes(1), EventType.PATIENT_CREATED));
        sameInstant.forEach(webhooks::insert);
        webhooks.update(sameInstant.get(0).withChanges(sameInstant.get(0).url(),
                Subscription.of(EventType.PATIENT_CREATED), Optional.empty(), minutes(2)));

        assertEquals(sameInstant.stream().map(Webhook::id).toList(),
                webhooks.liveSubscribers(ACME, EventType.PATIENT_CREATED).stream().map(Webhook::id).toList());
        assertEquals(List.of(), webhooks.liveSubscribers(GLOBEX, EventType.PATIENT_CREATED));
        assertEquals(0, webhooks.countLiveSubscribers(GLOBEX, EventType.PATIENT_CREATED));
    }
}
