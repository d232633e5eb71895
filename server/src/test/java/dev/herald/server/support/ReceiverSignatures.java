package dev.herald.server.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.herald.server.support.TestReceiver.Received;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a received delivery's signatures the way a receiver would, independently of Herald's own code. */
public final class ReceiverSignatures {
    private ReceiverSignatures() {
    }

    /** The Decoda scheme: lower-case hex HMAC-SHA256 of the raw body, keyed with the whole secret's UTF-8 bytes. */
    public static String decodaSignature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies the Standard Webhooks headers with the reference library; throws if they do not verify. */
    public static void verifyStandardWebhooks(String secret, Received received) throws WebhookVerificationException {
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "webhook-id", List.of(received.header("webhook-id")),
                "webhook-timestamp", List.of(received.header("webhook-timestamp")),
                "webhook-signature", List.of(received.header("webhook-signature"))), (name, value) -> true);
        new Webhook(secret).verify(received.body(), headers);
    }
}
