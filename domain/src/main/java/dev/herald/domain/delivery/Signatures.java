package dev.herald.domain.delivery;

import dev.herald.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two signing schemes of docs/API.md §6.2. */
public final class Signatures {
    private Signatures() {
    }

    /** Decoda: lower-case hex HMAC-SHA256 of the body, keyed with the UTF-8 bytes of the whole secret string. */
    public static String decoda(WebhookSecret secret, DeliveryBody body) {
        return HexFormat.of().formatHex(hmac(secret.value().getBytes(StandardCharsets.UTF_8), new byte[0], body));
    }

    /** Standard Webhooks: {@code v1,<base64 HMAC of "id.timestamp.body">} per secret, space-separated. */
    public static String standardWebhooks(List<WebhookSecret> secrets, String messageId, long timestampSeconds,
                                          DeliveryBody body) {
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return secrets.stream()
                .map(s -> "v1," + Base64.getEncoder().encodeToString(hmac(s.standardKey(), prefix, body)))
                .collect(Collectors.joining(" "));
    }

    /** The HMAC of {@code prefix} followed by the body, fed part by part (the body is never joined). */
    private static byte[] hmac(byte[] key, byte[] prefix, DeliveryBody body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            body.parts().forEach(mac::update);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
