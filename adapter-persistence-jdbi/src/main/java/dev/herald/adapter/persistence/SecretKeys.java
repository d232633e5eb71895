package dev.herald.adapter.persistence;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt webhook signing secrets at rest (docs/API.md §8.7): the current
 * one, which every write uses, and retired ones that are only read, each known by its id. A key is written
 * {@code [ID:]BASE64}, the base64 of 32 random bytes; without an id it is {@value #DEFAULT_ID}. No message and no
 * {@link #toString()} ever shows a key's bytes.
 */
public final class SecretKeys {
    public static final String DEFAULT_ID = "default";
    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    /** One key and its id. */
    public static final class Key {
        private final String id;
        private final SecretKey key;

        private Key(String id, SecretKey key) {
            this.id = id;
            this.key = key;
        }

        /**
         * Reads {@code [ID:]BASE64}; an {@link IllegalArgumentException} says what is wrong without repeating the
         * value.
         */
        public static Key parse(String text) {
            String trimmed = text == null ? "" : text.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? DEFAULT_ID : trimmed.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is 1 to 32 letters, digits, '_', '-' or '.'"
                        + " (the form is [ID:]BASE64)");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not base64 (the form is [ID:]BASE64 of " + KEY_BYTES
                        + " random bytes, e.g. from 'java -jar herald.jar keys generate')");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("an AES-256 key is the base64 of " + KEY_BYTES + " bytes, this one"
                        + " decodes to " + bytes.length + " (make one with 'java -jar herald.jar keys generate')");
            }
            return new Key(id, new SecretKeySpec(bytes, "AES"));
        }

        public String id() {
            return id;
        }

        SecretKey key() {
            return key;
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Key current;
    private final Map<String, Key> byId;

    private SecretKeys(Key current, Map<String, Key> byId) {
        this.current = current;
        this.byId = byId;
    }

    /** The current key and the retired ones still needed to read older values; no two may share an id. */
    public static SecretKeys of(Key current, List<Key> retired) {
        Map<String, Key> byId = new LinkedHashMap<>();
        List<Key> all = new ArrayList<>();
        all.add(current);
        all.addAll(retired);
        for (Key key : all) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("two keys have the id '" + key.id() + "': each key needs an id of"
                        + " its own (a key without one is '" + DEFAULT_ID + "')");
            }
        }
        return new SecretKeys(current, Collections.unmodifiableMap(byId));
    }

    /** A single current key written {@code [ID:]BASE64}. */
    public static SecretKeys of(String current) {
        return of(Key.parse(current), List.of());
    }

    /** Reads a comma-separated list of {@code [ID:]BASE64} keys (HERALD_ENCRYPTION_OLD_KEYS). */
    public static List<Key> parseList(String text) {
        List<Key> keys = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                keys.add(Key.parse(item));
            }
        }
        return keys;
    }

    /** A new random key, as base64 of {@value #KEY_BYTES} bytes from {@link SecureRandom}. */
    public static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public Key current() {
        return current;
    }

    Optional<Key> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public String toString() {
        return "SecretKeys[current=" + current.id() + ", all=" + byId.keySet() + "]";
    }
}
