package dev.herald.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.Subscription;
import dev.herald.domain.webhook.UrlPolicy;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainValuesTest {
    @Test
    void correctedSpellingsAreAcceptedAndTheSeedSpellingIsKept() {
        assertEquals(EventType.CALL_RECIEVED, EventType.parse("CALL_RECEIVED"));
        assertEquals(EventType.MESSAGE_RECIEVED, EventType.parse("MESSAGE_RECEIVED"));
        assertEquals(EventType.EMAIL_RECIEVED, EventType.parse("EMAIL_RECEIVED"));
        assertEquals(28, EventType.values().length);
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> EventType.parse("PATIENT_EXPLODED", "subscriptions[3]"));
        assertEquals(List.of(new Violation("subscriptions[3]", Violation.Rule.UNKNOWN_EVENT_TYPE, "unknown event type "
                + "'PATIENT_EXPLODED'; expected one of " + List.of(EventType.values()))), unknown.violations());
        assertEquals("type", assertThrows(InvalidInputException.class, () -> EventType.parse("NOPE"))
                .violations().get(0).field());
    }

    @Test
    void strictPolicyAcceptsOnlyPublicHttpsUrls() {
        UrlPolicy strict = UrlPolicy.strict();
        assertEquals("https://example.com/hook", strict.check("https://example.com/hook").value());
        for (String bad : List.of("http://example.com/hook", "javascript:alert(1)", "ftp://example.com/x",
                "https://user:pw@example.com/", "https://127.0.0.1/x", "https://[::1]/x", "https://10.1.2.3/",
                "https://169.254.169.254/latest", "https://[::ffff:127.0.0.1]/", "/relative", "",
                "https://example.com/" + "a".repeat(2048))) {
            assertThrows(InvalidInputException.class, () -> strict.check(bad), bad);
        }
    }

    @Test
    void operatorSwitchesAllowHttpAndPrivateLiterals() {
        UrlPolicy open = new UrlPolicy(true, true);
        assertEquals("http://127.0.0.1:9000/x", open.check("http://127.0.0.1:9000/x").value());
    }

    @Test
    void emailAddressesArePlausibleAndBounded() {
        assertEquals("ops@example.com", new EmailAddress("ops@example.com").value());
        for (String bad : List.of("nobody", "a@b", "a b@example.com", "x@" + "a".repeat(250) + ".com")) {
            assertThrows(InvalidInputException.class, () -> new EmailAddress(bad), bad);
        }
    }

    @Test
    void rotationKeepsTheOldSecretSigningForTheGracePeriodOnly() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        SecretGenerator generator = new SecretGenerator();
        Webhook webhook = Webhook.create(new TenantId("acme"), UrlPolicy.strict().check("https://example.com/h"),
                Subscription.of(EventType.PATIENT_CREATED), Optional.empty(), generator.next(), now);
        Webhook rotated = webhook.withRotatedSecret(generator.next(), Duration.ofHours(1), now);
        assertEquals(List.of(rotated.secret(), webhook.secret()), rotated.signingSecrets(now.plusSeconds(60)));
        assertEquals(List.of(rotated.secret()), rotated.signingSecrets(now.plus(Duration.ofHours(1))));
        assertThrows(InvalidInputException.class,
                () -> webhook.withRotatedSecret(generator.next(), Duration.ofDays(8), now));
    }

    @Test
    void theDeliveryBodyCarriesTheDataVerbatimAndSharesItsBytes() {
        Event event = new Event(EventId.generate(), new TenantId("acme"), EventType.PATIENT_CREATED,
                new EventData("{\"a\":\",\\\"createdDate\\\":\"}"), Instant.parse("2026-11-27T05:31:56.123Z"),
                Optional.empty(), "f", 1);
        Delivery delivery = Delivery.of(event, WebhookId.generate());
        byte[] data = event.data().utf8();
        DeliveryBody body = DeliveryBody.of(delivery, data);
        assertEquals("{\"id\":\"" + delivery.id().value() + "\",\"type\":\"PATIENT_CREATED\",\"data\":"
                + event.data().json() + ",\"createdDate\":\"2026-11-27T05:31:56.123Z\",\"alertId\":\""
                + event.id().value() + "\"}", body.text());
        assertEquals(body.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, body.length());
        assertSame(data, body.parts().get(1), "the event's data is shared, not copied per delivery");
    }
}
