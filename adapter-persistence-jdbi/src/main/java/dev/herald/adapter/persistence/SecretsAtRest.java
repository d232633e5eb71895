package dev.herald.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the stored signing secrets in line with the configured keys (docs/API.md §8.7): at
 * start, clear-text values are encrypted and every encrypted one is checked; {@code keys rotate} re-encrypts every value
 * not yet under the current key. The table is walked in id order, a batch per transaction, and each value is replaced
 * only if it is still the one read (compare and set): two nodes doing this at once, or a webhook changed meanwhile,
 * leave every value either clear or encrypted, never lost, and a walk killed halfway simply resumes at the next start.
 */
final class SecretsAtRest {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAtRest.class);
    static final int BATCH = 200;
    private static final int NAMED_IN_MESSAGE = 5;
    private static final List<String> COLUMNS = List.of("secret", "previous_secret");

    private record Row(String id, String secret, String previousSecret) {
        String value(String column) {
            return column.equals("secret") ? secret : previousSecret;
        }
    }

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    SecretsAtRest(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /**
     * Without a key: a warning, or a refusal if any value is encrypted (Herald would have nothing to sign with). With
     * keys: clear values are encrypted, and a value under an unknown key id or failing its tag stops the start.
     */
    void onStart() {
        if (!cipher.encrypts()) {
            refuseIfAnyEncrypted();
            LOG.warn("webhook signing secrets are stored in clear text: set HERALD_ENCRYPTION_KEY (make one with"
                    + " 'java -jar herald.jar keys generate'; embedded: HeraldBuilder.encryptionKey) to encrypt them");
            return;
        }
        List<String> unreadable = new ArrayList<>();
        List<String> firstProblems = new ArrayList<>();
        int encrypted = walk(stored -> !SecretCipher.isEncrypted(stored), (row, stored) -> {
            try {
                cipher.open(row.id(), stored);
            } catch (SecretsAtRestException e) {
                unreadable.add(row.id());
                if (firstProblems.size() < NAMED_IN_MESSAGE) {
                    firstProblems.add(e.getMessage());
                }
            }
        });
        if (encrypted > 0) {
            LOG.info("encrypted {} webhook signing secrets that were stored in clear text", encrypted);
        }
        if (!unreadable.isEmpty()) {
            throw new SecretsAtRestException(unreadable.size() + " webhook signing secret(s) cannot be read with the"
                    + " configured keys, so Herald will not start: " + String.join("; ", firstProblems));
        }
    }

    /** Re-encrypts every value not yet under the current key; returns how many values it rewrote. */
    int rotate() {
        if (!cipher.encrypts()) {
            throw new SecretsAtRestException("no encryption key is set: set HERALD_ENCRYPTION_KEY to the key to"
                    + " encrypt under, and HERALD_ENCRYPTION_OLD_KEYS to the keys the secrets are encrypted with now");
        }
        return walk(stored -> !cipher.isUnderCurrentKey(stored), (row, stored) -> { });
    }

    private void refuseIfAnyEncrypted() {
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM webhooks"
                        + " WHERE secret LIKE 'v1:%' OR previous_secret LIKE 'v1:%' ORDER BY id")
                .mapTo(String.class)
                .list());
        if (!ids.isEmpty()) {
            throw new SecretsAtRestException(ids.size() + " webhook(s) have encrypted signing secrets (e.g. "
                    + String.join(", ", ids.subList(0, Math.min(NAMED_IN_MESSAGE, ids.size())))
                    + ") but no encryption key is set, so Herald will not start: set HERALD_ENCRYPTION_KEY (and"
                    + " HERALD_ENCRYPTION_OLD_KEYS) to the keys they were encrypted with");
        }
    }

    private interface Check {
        void kept(Row row, String stored);
    }

    /**
     * Rewrites, under the current key, each value that {@code rewrite} picks; hands every other value to {@code kept}.
     * Returns the number of values rewritten.
     */
    private int walk(Predicate<String> rewrite, Check kept) {
        int rewritten = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Row> batch = jdbi.withHandle(h -> h.createQuery("SELECT id, secret, previous_secret FROM webhooks"
                            + " WHERE id > :after ORDER BY id LIMIT " + BATCH)
                    .bind("after", from)
                    .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("secret"),
                            rs.getString("previous_secret")))
                    .list());
            if (batch.isEmpty()) {
                return rewritten;
            }
            rewritten += jdbi.inTransaction(h -> {
                int count = 0;
                for (Row row : batch) {
                    for (String column : COLUMNS) {
                        String stored = row.value(column);
                        if (stored == null) {
                            continue;
                        }
                        if (!rewrite.test(stored)) {
                            kept.kept(row, stored);
                            continue;
                        }
                        String sealed = cipher.seal(row.id(), cipher.open(row.id(), stored));
                        count += h.createUpdate("UPDATE webhooks SET " + column + " = :sealed"
                                        + " WHERE id = :id AND " + column + " = :stored")
                                .bind("sealed", sealed)
                                .bind("id", row.id())
                                .bind("stored", stored)
                                .execute();
                    }
                }
                return count;
            });
            after = batch.get(batch.size() - 1).id();
        }
    }
}
