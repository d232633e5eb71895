package dev.herald.application.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForNotifyingOwners.DisabledNotice;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookUrl;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForNotifyingOwners} does: each call reaches the owner as one message of its own (throttling was
 * decided before), which says where, what and why it failed and how many failures were held back; a channel that is
 * down loses the notice without an exception, since a notice must never disturb delivery.
 */
public abstract class OwnerNotifierContract {
    /** A notifier whose messages reach owners, and a way to read them. */
    protected abstract Channel workingChannel();

    /** A notifier whose way to owners is broken (server unreachable, log stream failing, inbox down). */
    protected abstract Channel brokenChannel();

    /** A notifier and what reached owners through it. Closed after the test. */
    public interface Channel extends AutoCloseable {
        ForNotifyingOwners notifier();

        /** The messages, once at least {@code count} arrived: each as all the text its reader sees, recipient too. */
        List<String> messages(int count);

        @Override
        default void close() {
        }
    }

    private static final Pattern FORTY_TWO = Pattern.compile("(?<![0-9])42(?![0-9])");

    private static FailureNotice notice(String deliveryId, int suppressedSince) {
        return new FailureNotice(new EmailAddress("owner@example.com"), new WebhookId("wh_contractHook"),
                new WebhookUrl("https://hooks.example.com/in"), EventType.PAYMENT_CREATED, new DeliveryId(deliveryId),
                "HTTP 503", suppressedSince);
    }

    @Test
    void theOwnerIsToldWhichDeliveryFailedWhereAndWhy() {
        try (Channel channel = workingChannel()) {
            channel.notifier().notifyFailure(notice("msg_contractOne", 0));

            List<String> messages = channel.messages(1);
            assertEquals(1, messages.size());
            String message = messages.get(0);
            for (String expected : List.of("owner@example.com", "wh_contractHook", "https://hooks.example.com/in",
                    "PAYMENT_CREATED", "msg_contractOne", "HTTP 503")) {
                assertTrue(message.contains(expected), () -> "the message lacks " + expected + ":\n" + message);
            }
        }
    }

    @Test
    void theOwnerIsToldWhichWebhookHeraldDisabledSinceWhenItFailedAndHowToEnableIt() {
        try (Channel channel = workingChannel()) {
            channel.notifier().notifyDisabled(new DisabledNotice(new EmailAddress("owner@example.com"),
                    new WebhookId("wh_contractHook"), new WebhookUrl("https://hooks.example.com/in"),
                    Instant.parse("2026-11-23T08:00:00Z"), "connect timed out"));

            String message = channel.messages(1).get(0);
            for (String expected : List.of("owner@example.com", "wh_contractHook", "https://hooks.example.com/in",
                    "2026-11-23T08:00:00Z", "connect timed out")) {
                assertTrue(message.contains(expected), () -> "the message lacks " + expected + ":\n" + message);
            }
        }
    }

    @Test
    void theOwnerIsToldHowManyFailuresWereHeldBackSinceTheLastNotice() {
        try (Channel channel = workingChannel()) {
            channel.notifier().notifyFailure(notice("msg_contractOne", 42));

            String message = channel.messages(1).get(0);
            assertTrue(FORTY_TWO.matcher(message).find(), message);
        }
    }

    @Test
    void everyCallIsAMessageOfItsOwn() {
        try (Channel channel = workingChannel()) {
            List<String> deliveries = List.of("msg_contractOne", "msg_contractTwo", "msg_contractThree");
            deliveries.forEach(id -> channel.notifier().notifyFailure(notice(id, 0)));

            List<String> messages = channel.messages(3);
            assertEquals(3, messages.size());
            for (String id : deliveries) {
                assertEquals(1, messages.stream().filter(m -> m.contains(id)).count(), id); // no id starts another
            }
        }
    }

    @Test
    void aChannelThatIsDownLosesTheNoticeWithoutThrowing() {
        try (Channel channel = brokenChannel()) {
            assertDoesNotThrow(() -> channel.notifier().notifyFailure(notice("msg_contractOne", 0)));
        }
    }
}
