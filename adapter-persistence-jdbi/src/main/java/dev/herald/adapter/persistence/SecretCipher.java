package dev.herald.adapter.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * How a webhook signing secret is stored (docs/API.md §8.7): in clear text ({@code whsec_…})
 * without keys; with keys as {@code v1:<keyId>:<base64(nonce | ciphertext | tag)>}, AES-256-GCM with a random 12-byte
 * nonce and the webhook's id as associated data, so that a value copied to another webhook's row fails its tag.
 * Reading takes either form, so rows written before the key was set stay readable until they are encrypted.
 */
final class SecretCipher {
    static final String VERSION_PREFIX = "v1:";
    private static final String CLEAR_PREFIX = "whsec_";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeys> keys;

    SecretCipher(Optional<SecretKeys> keys) {
        this.keys = keys;
    }

    boolean encrypts() {
        return keys.isPresent();
    }

    /** The value to store: encrypted under the current key, or the clear text when no key is set. */
    String seal(String webhookId, String clear) {
        if (keys.isEmpty()) {
            return clear;
        }
        SecretKeys.Key key = keys.get().current();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, webhookId);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION_PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** The clear secret of a stored value in either form; a value that cannot be trusted is an exception. */
    String open(String webhookId, String stored) {
        if (stored.startsWith(CLEAR_PREFIX)) {
            return stored;
        }
        if (!isEncrypted(stored)) {
            throw new SecretsAtRestException("the signing secret of webhook " + webhookId
                    + " is stored in a form Herald does not know");
        }
        String keyId = keyId(stored);
        if (keys.isEmpty()) {
            throw new SecretsAtRestException("the signing secret of webhook " + webhookId + " is encrypted (key id '"
                    + keyId + "') but no encryption key is set: set HERALD_ENCRYPTION_KEY");
        }
        SecretKeys.Key key = keys.get().byId(keyId).orElseThrow(() -> new SecretsAtRestException(
                "the signing secret of webhook " + webhookId + " is encrypted under key id '" + keyId
                        + "', which is not configured: add it to HERALD_ENCRYPTION_OLD_KEYS"));
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION_PREFIX.length() + keyId.length() + 1));
            if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
                throw tampered(webhookId, keyId);
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), webhookId);
            byte[] clear = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw tampered(webhookId, keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** Whether the stored value is already encrypted under the current key (a rotation leaves it alone). */
    boolean isUnderCurrentKey(String stored) {
        return keys.isPresent() && isEncrypted(stored) && keyId(stored).equals(keys.get().current().id());
    }

    static boolean isEncrypted(String stored) {
        return stored.startsWith(VERSION_PREFIX) && stored.indexOf(':', VERSION_PREFIX.length()) > 0;
    }

    private static String keyId(String stored) {
        return stored.substring(VERSION_PREFIX.length(), stored.indexOf(':', VERSION_PREFIX.length()));
    }

    private static Cipher cipher(int mode, SecretKeys.Key key, byte[] nonce, String webhookId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretsAtRestException tampered(String webhookId, String keyId) {
        return new SecretsAtRestException("the signing secret of webhook " + webhookId + " fails its integrity check"
                + " under key id '" + keyId + "': it was altered or copied from another row, or the key configured"
                + " with this id is not the one it was encrypted with");
    }
}
