package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.RetiredSecret;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookSecret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing secrets at rest (docs/API.md §8.7), on a fresh H2 or PostgreSQL database per test,
 * with the tables read directly over JDBC: what someone with a copy of the database would see.
 */
class SecretsAtRestTest {
    private static final SecretKeys K1 = SecretKeys.of("k1:" + SecretKeys.generate());
    private static final SecretKeys K2_WITH_K1 = SecretKeys.of(SecretKeys.Key.parse("k2:" + SecretKeys.generate()),
            List.of(K1.current()));
    private static final SecretGenerator SECRETS = new SecretGenerator();

    private String url;
    private Runnable drop = () -> { };

    @AfterEach
    void dropDatabase() {
        drop.run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void createdAndRotatedSecretsAreNeverStoredInClearTextAndReadBackAsThey(String database) throws SQLException {
        freshDatabase(database);
        try (JdbiPersistence persistence = open(Optional.of(K1))) {
            Webhook created = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
            persistence.webhooks().insert(created);
            assertNotInTables(created.secret());
            assertEquals(created.secret(), find(persistence, created).secret());

            Webhook rotated = created.withRotatedSecret(SECRETS.next(), Duration.ofHours(1), minutes(1));
            persistence.webhooks().update(rotated);
            assertNotInTables(created.secret());
            assertNotInTables(rotated.secret());
            Webhook read = find(persistence, rotated);
            assertEquals(rotated.secret(), read.secret());
            assertEquals(created.secret(), read.previousSecret().orElseThrow().secret());
            assertEquals(List.of("v1:k1:", "v1:k1:"), storedPrefixes(created.id().value(), 6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void clearTextRowsAreEncryptedOnTheFirstStartWithAKey(String database) throws SQLException {
        freshDatabase(database);
        List<Webhook> webhooks = new ArrayList<>();
        try (JdbiPersistence clear = open(Optional.empty())) {
            // More than one batch, half of them with a retired secret as well.
            for (int i = 0; i < SecretsAtRest.BATCH + 50; i++) {
                Webhook webhook = webhook(ACME, minutes(i), EventType.PATIENT_CREATED);
                if (i % 2 == 0) {
                    webhook = webhook.withRotatedSecret(SECRETS.next(), Duration.ofHours(1), minutes(i));
                }
                clear.webhooks().insert(webhook);
                webhooks.add(webhook);
            }
        }
        assertEquals(SecretsAtRest.BATCH + 50, count("SELECT COUNT(*) FROM webhooks WHERE secret LIKE 'whsec_%'"));
        assertTrue(everythingStored().contains(webhooks.get(0).secret().value()), "the scan sees clear secrets");

        try (JdbiPersistence encrypted = open(Optional.of(K1))) {
            assertEquals(0, count("SELECT COUNT(*) FROM webhooks WHERE secret NOT LIKE 'v1:k1:%'"
                    + " OR previous_secret NOT LIKE 'v1:k1:%'"));
            assertNoneInTables(allSecrets(webhooks));
            for (Webhook webhook : webhooks) {
                Webhook read = find(encrypted, webhook);
                assertEquals(webhook.secret(), read.secret());
                assertEquals(webhook.previousSecret(), read.previousSecret());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void duringTheMigrationARowIsReadableClearOrEncrypted(String database) throws SQLException {
        freshDatabase(database);
        try (JdbiPersistence persistence = open(Optional.of(K1))) {
            Webhook encrypted = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
            Webhook notYetMigrated = webhook(ACME, minutes(1), EventType.PATIENT_CREATED);
            persistence.webhooks().insert(encrypted);
            persistence.webhooks().insert(notYetMigrated);
            execute("UPDATE webhooks SET secret = ? WHERE id = ?", notYetMigrated.secret().value(),
                    notYetMigrated.id().value()); // as a node killed halfway through the migration left it

            assertEquals(encrypted.secret(), find(persistence, encrypted).secret());
            assertEquals(notYetMigrated.secret(), find(persistence, notYetMigrated).secret());
        }
        try (JdbiPersistence restarted = open(Optional.of(K1))) {
            assertEquals(0, count("SELECT COUNT(*) FROM webhooks WHERE secret NOT LIKE 'v1:k1:%'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoNodesStartingAtOnceEncryptEveryRowOnce(String database) throws Exception {
        freshDatabase(database);
        List<Webhook> webhooks = new ArrayList<>();
        try (JdbiPersistence clear = open(Optional.empty())) {
            for (int i = 0; i < SecretsAtRest.BATCH * 2; i++) {
                Webhook webhook = webhook(ACME, minutes(i), EventType.PATIENT_CREATED);
                clear.webhooks().insert(webhook);
                webhooks.add(webhook);
            }
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<JdbiPersistence>> started = List.of(nodes.submit(() -> open(Optional.of(K1))),
                    nodes.submit(() -> open(Optional.of(K1))));
            for (Future<JdbiPersistence> node : started) {
                try (JdbiPersistence persistence = node.get()) {
                    for (Webhook webhook : webhooks) {
                        assertEquals(webhook.secret(), find(persistence, webhook).secret());
                    }
                }
            }
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM webhooks WHERE secret NOT LIKE 'v1:k1:%'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void withoutTheKeyAfterEncryptionHeraldRefusesToStart(String database) throws SQLException {
        freshDatabase(database);
        Webhook created = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        try (JdbiPersistence persistence = open(Optional.of(K1))) {
            persistence.webhooks().insert(created);
        }
        SecretsAtRestException refused = assertThrows(SecretsAtRestException.class, () -> open(Optional.empty()));
        assertTrue(refused.getMessage().contains(created.id().value()), refused.getMessage());
        assertTrue(refused.getMessage().contains("HERALD_ENCRYPTION_KEY"), refused.getMessage());
        assertFalse(refused.getMessage().contains("v1:"), "the message shows no stored value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aKeyIdThatIsNotConfiguredOrAWrongKeyStopsTheStart(String database) throws SQLException {
        freshDatabase(database);
        Webhook created = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        try (JdbiPersistence persistence = open(Optional.of(K1))) {
            persistence.webhooks().insert(created);
        }
        SecretKeys onlyK2 = SecretKeys.of(K2_WITH_K1.current(), List.of());
        SecretsAtRestException unknown = assertThrows(SecretsAtRestException.class, () -> open(Optional.of(onlyK2)));
        assertTrue(unknown.getMessage().contains("key id 'k1', which is not configured"), unknown.getMessage());

        SecretKeys otherK1 = SecretKeys.of("k1:" + SecretKeys.generate());
        SecretsAtRestException wrong = assertThrows(SecretsAtRestException.class, () -> open(Optional.of(otherK1)));
        assertTrue(wrong.getMessage().contains("fails its integrity check under key id 'k1'"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains(created.id().value()), wrong.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aTamperedOrMovedValueIsDetectedOnReadAndAtStart(String database) throws SQLException {
        freshDatabase(database);
        Webhook tampered = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        Webhook moved = webhook(ACME, minutes(1), EventType.PATIENT_CREATED);
        try (JdbiPersistence persistence = open(Optional.of(K1))) {
            persistence.webhooks().insert(tampered);
            persistence.webhooks().insert(moved);
            String stored = storedSecret(tampered.id().value());
            int last = stored.length() - 3; // inside the tag, before any base64 padding
            char flipped = stored.charAt(last) == 'A' ? 'B' : 'A';
            execute("UPDATE webhooks SET secret = ? WHERE id = ?",
                    stored.substring(0, last) + flipped + stored.substring(last + 1), tampered.id().value());
            execute("UPDATE webhooks SET secret = ? WHERE id = ?", stored, moved.id().value());

            for (Webhook webhook : List.of(tampered, moved)) {
                SecretsAtRestException onRead = assertThrows(SecretsAtRestException.class,
                        () -> find(persistence, webhook));
                assertTrue(onRead.getMessage().contains("webhook " + webhook.id().value()
                        + " fails its integrity check"), onRead.getMessage());
            }
        }
        SecretsAtRestException atStart = assertThrows(SecretsAtRestException.class, () -> open(Optional.of(K1)));
        assertTrue(atStart.getMessage().startsWith("2 webhook signing secret(s) cannot be read"), atStart.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rotatingTheKeyReencryptsEveryValueSoTheOldKeyCanBeDropped(String database) throws SQLException {
        freshDatabase(database);
        List<Webhook> webhooks = new ArrayList<>();
        try (JdbiPersistence persistence = open(Optional.of(K1))) {
            for (int i = 0; i < SecretsAtRest.BATCH + 10; i++) {
                Webhook webhook = webhook(ACME, minutes(i), EventType.PATIENT_CREATED);
                if (i < 10) {
                    webhook = webhook.withRotatedSecret(SECRETS.next(), Duration.ofHours(1), minutes(i));
                }
                persistence.webhooks().insert(webhook);
                webhooks.add(webhook);
            }
        }
        try (JdbiPersistence rotating = open(Optional.of(K2_WITH_K1))) {
            assertEquals(SecretsAtRest.BATCH + 20, rotating.reencryptSecrets(), "every current and retired secret");
            assertEquals(0, rotating.reencryptSecrets(), "nothing left under the old key");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM webhooks WHERE secret NOT LIKE 'v1:k2:%'"
                + " OR previous_secret NOT LIKE 'v1:k2:%'"));
        try (JdbiPersistence withoutK1 = open(Optional.of(SecretKeys.of(K2_WITH_K1.current(), List.of())))) {
            for (Webhook webhook : webhooks) {
                Webhook read = find(withoutK1, webhook);
                assertEquals(webhook.secret(), read.secret());
                assertEquals(webhook.previousSecret(), read.previousSecret());
            }
            assertNoneInTables(allSecrets(webhooks));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void withoutAKeySecretsStayInClearTextAndRotatingIsRefused(String database) throws SQLException {
        freshDatabase(database);
        try (JdbiPersistence persistence = open(Optional.empty())) {
            Webhook created = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
            persistence.webhooks().insert(created);
            assertEquals(created.secret().value(), storedSecret(created.id().value()));
            assertThrows(SecretsAtRestException.class, persistence::reencryptSecrets);
        }
    }

    private JdbiPersistence open(Optional<SecretKeys> keys) {
        return JdbiPersistence.connect(url, "", "", keys, pool -> pool.setMaximumPoolSize(3));
    }

    private static List<WebhookSecret> allSecrets(List<Webhook> webhooks) {
        List<WebhookSecret> secrets = new ArrayList<>();
        for (Webhook webhook : webhooks) {
            secrets.add(webhook.secret());
            webhook.previousSecret().map(RetiredSecret::secret).ifPresent(secrets::add);
        }
        return secrets;
    }

    private static Webhook find(JdbiPersistence persistence, Webhook webhook) {
        return persistence.webhooks().find(webhook.tenant(), webhook.id()).orElseThrow();
    }

    /** Neither the secret nor its base64 body is anywhere in any table. */
    private void assertNotInTables(WebhookSecret secret) {
        assertNoneInTables(List.of(secret));
    }

    /** Every table's every value, read once, holds none of the secrets nor their base64 bodies. */
    private void assertNoneInTables(List<WebhookSecret> secrets) {
        String stored = everythingStored();
        for (WebhookSecret secret : secrets) {
            assertFalse(stored.contains(secret.value().substring(WebhookSecret.PREFIX.length())),
                    "a signing secret in clear text in the tables");
        }
    }

    private String everythingStored() {
        StringBuilder stored = new StringBuilder();
        try (Connection c = connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.contains("webhooks"), tables.toString());
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                            stored.append(rs.getString(column)).append('\n');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stored.toString();
    }

    private List<String> storedPrefixes(String id, int length) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT secret, previous_secret FROM webhooks WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1).substring(0, length), rs.getString(2).substring(0, length));
            }
        }
    }

    private String storedSecret(String id) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT secret FROM webhooks WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** An in-memory H2 database kept between "restarts", or a PostgreSQL schema of its own; both gone afterwards. */
    private void freshDatabase(String database) {
        String name = "secrets_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (database.equals("h2")) {
            url = H2Urls.withHeraldSettings("jdbc:h2:mem:" + name);
            drop = () -> run(url, "SHUTDOWN");
            return;
        }
        String base = System.getenv(TestDatabase.PG_URL_VARIABLE);
        Assumptions.assumeTrue(base != null && !base.isBlank(), "PostgreSQL tests skipped");
        run(base, "CREATE SCHEMA " + name);
        url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        drop = () -> run(base, "DROP SCHEMA " + name + " CASCADE");
    }

    private static void run(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
