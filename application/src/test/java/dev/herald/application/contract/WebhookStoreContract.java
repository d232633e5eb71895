package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForStoringWebhooks;
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
}
