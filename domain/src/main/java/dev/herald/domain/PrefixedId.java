package dev.herald.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Builds and checks the opaque, URL-safe, type-prefixed ids ({@code wh_…}, {@code evt_…}, {@code msg_…}).
 * Public only so that each concept package's id type can share one rule; not for use outside the domain.
 */
public final class PrefixedId {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 24; // 24 base-62 characters: about 143 bits
    private static final Pattern BODY = Pattern.compile("[0-9A-Za-z]{1,64}");

    private PrefixedId() {
    }

    public static String generate(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + RANDOM_CHARS).append(prefix);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static boolean isValid(String prefix, String value) {
        return value != null && value.startsWith(prefix) && BODY.matcher(value.substring(prefix.length())).matches();
    }
}
