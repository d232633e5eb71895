package dev.herald.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.WebhookSecret;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final WebhookSecret SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final DeliveryBody BODY = DeliveryBody.ofText("{\"test\": 2432232314}");

    @Test
    void standardWebhooksMatchesThePublishedTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                Signatures.standardWebhooks(List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, BODY));
    }

    @Test
    void decodaIsLowerCaseHexHmacKeyedWithTheWholeSecretString() {
        // Expected value computed independently with Python's hmac module.
        assertEquals("80ec8a89ce3cd22133a1066caecb4d04fea7467657c8514d717ec42c38a5c94c",
                Signatures.decoda(SECRET, BODY));
    }

    @Test
    void duringAGracePeriodEverySecretSignsSpaceSeparated() {
        WebhookSecret other = new SecretGenerator().next();
        String both = Signatures.standardWebhooks(List.of(SECRET, other), "msg_1", 1L, BODY);
        String[] parts = both.split(" ");
        assertEquals(2, parts.length);
        assertEquals(Signatures.standardWebhooks(List.of(SECRET), "msg_1", 1L, BODY), parts[0]);
        assertEquals(Signatures.standardWebhooks(List.of(other), "msg_1", 1L, BODY), parts[1]);
    }

    @Test
    void generatedSecretsAreWhsecAndBase64OfThirtyTwoBytes() {
        WebhookSecret secret = new SecretGenerator().next();
        assertEquals(32, secret.standardKey().length);
        assertEquals(true, secret.value().startsWith("whsec_"));
    }
}
