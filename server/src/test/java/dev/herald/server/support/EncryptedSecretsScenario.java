package dev.herald.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.persistence.SecretKeys;
import dev.herald.adapter.persistence.SecretsAtRestException;
import dev.herald.server.HeraldConfig;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.TestReceiver.Received;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing secrets encrypted at rest (docs/API.md §8.7), through the server's HTTP API over
 * restarts on one database, with its tables read directly over JDBC; each database's test extends this.
 */
public abstract class EncryptedSecretsScenario {
    private static final String ADMIN_KEY = "encryption-admin-key-0123456789";
    private static final Duration SOON = Duration.ofSeconds(10);
    private static final String K1 = "k1:" + SecretKeys.generate();
    private static final String K2 = "k2:" + SecretKeys.generate();

    /** The JDBC URL every server of the test uses; its rows outlive each server. */
    protected abstract String databaseUrl();

    /** A connection to read the tables directly. */
    protected abstract Connection connect() throws SQLException;

    @Test
    void secretsAreEncryptedFromTheFirstStartWithAKeyRotatedToANewKeyAndDeliveriesStillVerify() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            List<String> secrets = new ArrayList<>();
            HeraldClient tenant;
            try (HeraldServer clear = start(Map.of())) {
                tenant = HeraldClient.at(baseUrl(clear)).newTenant(ADMIN_KEY, "acme");
                secrets.addAll(webhookWithRotatedSecret(tenant, receiver.url("/first")));
            }
            assertTrue(everythingStored().contains(secrets.get(0)), "without a key the secrets are in clear text");

            try (HeraldServer encrypted = start(Map.of("HERALD_ENCRYPTION_KEY", K1))) {
                tenant = tenant.on(baseUrl(encrypted));
                assertNoneStored(secrets); // the rows of before the key, encrypted at start
                secrets.addAll(webhookWithRotatedSecret(tenant, receiver.url("/second")));
                assertNoneStored(secrets);
                assertDeliveriesVerify(tenant, receiver, secrets);
            }

            SecretsAtRestException refused = assertThrows(SecretsAtRestException.class, () -> start(Map.of()));
            assertTrue(refused.getMessage().contains("no encryption key is set"), refused.getMessage());

            try (HeraldServer rotating = start(Map.of("HERALD_ENCRYPTION_KEY", K2, "HERALD_ENCRYPTION_OLD_KEYS", K1))) {
                assertEquals(secrets.size(), rotating.herald().reencryptSecrets(), "two webhooks, two secrets each");
            }
            try (HeraldServer rotated = start(Map.of("HERALD_ENCRYPTION_KEY", K2))) { // the old key dropped
                tenant = tenant.on(baseUrl(rotated));
                assertNoneStored(secrets);
                assertDeliveriesVerify(tenant, receiver, secrets);
            }
        }
    }

    /** A webhook at {@code url} whose secret was rotated with a day's grace: its old and its new secret. */
    private static List<String> webhookWithRotatedSecret(HeraldClient tenant, String url) {
        JsonNode hook = tenant.createWebhook(url, List.of("PATIENT_CREATED"), null);
        String newSecret = tenant.post("/v1/webhook/rotate-secret/" + hook.get("id").asText(),
                Map.of("graceSeconds", 86_400)).expect(200).get("secret").asText();
        return List.of(hook.get("secret").asText(), newSecret);
    }

    /** An event reaches both webhooks, each delivery verifying with its webhook's old and new secret. */
    private static void assertDeliveriesVerify(HeraldClient tenant, TestReceiver receiver, List<String> secrets)
            throws Exception {
        String eventId = tenant.publish("PATIENT_CREATED", "{\"patientId\":42}").get("id").asText();
        List<String> paths = List.of("/first", "/second");
        Poll.until(SOON, () -> paths.stream().map(path -> deliveryOf(receiver, path, eventId)).toList(),
                received -> received.stream().allMatch(r -> r != null), "both deliveries of " + eventId);
        for (int i = 0; i < paths.size(); i++) {
            Received delivery = deliveryOf(receiver, paths.get(i), eventId);
            ReceiverSignatures.verifyStandardWebhooks(secrets.get(2 * i), delivery);
            ReceiverSignatures.verifyStandardWebhooks(secrets.get(2 * i + 1), delivery);
            assertEquals(ReceiverSignatures.decodaSignature(secrets.get(2 * i + 1), delivery.body()),
                    delivery.header("Decoda-Signature"));
        }
    }

    private static Received deliveryOf(TestReceiver receiver, String path, String eventId) {
        return receiver.requestsTo(path).stream().filter(r -> r.body().contains(eventId)).findFirst().orElse(null);
    }

    private HeraldServer start(Map<String, String> encryption) {
        Map<String, String> settings = new HashMap<>(encryption);
        settings.put("HERALD_DB_URL", databaseUrl());
        HeraldConfig config = LocalServerConfig.of("encryption", ADMIN_KEY, settings);
        return HeraldServer.start(config);
    }

    private static String baseUrl(HeraldServer server) {
        return "http://localhost:" + server.port();
    }

    /** Neither a secret nor its base64 body is anywhere in Herald's tables. */
    private void assertNoneStored(List<String> secrets) throws SQLException {
        String stored = everythingStored();
        for (String secret : secrets) {
            assertFalse(stored.contains(secret.substring("whsec_".length())), "a secret in clear text in the tables");
        }
    }

    /** Every value of every table, as text. */
    private String everythingStored() throws SQLException {
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
        }
        return stored.toString();
    }
}
