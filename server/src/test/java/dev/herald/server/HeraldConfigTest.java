package dev.herald.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.persistence.SecretKeys;
import dev.herald.application.config.HeraldSettings;
import dev.herald.domain.endpoint.EndpointLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeraldConfigTest {
    @Test
    void defaultsAreThoseOfTheContract() {
        HeraldConfig config = HeraldConfig.from(Map.of(), name -> null);
        assertEquals(8080, config.port());
        assertEquals("jdbc:h2:file:./data/herald", config.dbUrl());
        assertEquals(Optional.empty(), config.adminKey());
        assertEquals(false, config.settings().allowHttp());
        assertEquals(false, config.settings().allowPrivateNetworks());
        assertEquals(Optional.empty(), config.smtp());
        assertEquals(7, config.settings().retrySchedule().maxAttempts());
        assertEquals(Duration.ofSeconds(5), config.settings().connectTimeout());
        assertEquals(Duration.ofSeconds(15), config.settings().deliveryTimeout());
        assertEquals(262144, config.settings().maxEventBytes());
        assertEquals(Duration.ofSeconds(30), config.settings().requestTimeout());
        assertEquals(0, config.settings().tenantRequestsPerSecond(), "no tenant rate limit");
        assertEquals(false, config.settings().validateEventData(), "event data not checked against schemas");
    }

    @Test
    void environmentVariablesAreReadAndSystemPropertiesWin() {
        HeraldConfig config = HeraldConfig.from(
                Map.of("HERALD_PORT", "9000", "HERALD_ALLOW_HTTP", "true", "HERALD_SMTP_HOST", "mail.local",
                        "HERALD_RETRY_SCHEDULE", "100ms,2s"),
                name -> name.equals("herald.port") ? "9100" : null);
        assertEquals(9100, config.port());
        assertTrue(config.settings().allowHttp());
        assertEquals("mail.local", config.smtp().orElseThrow().host());
        assertEquals(3, config.settings().retrySchedule().maxAttempts());
    }

    @Test
    void aMalformedValueNamesItsVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_DELIVERY_TIMEOUT", "soon"), name -> null));
        assertTrue(e.getMessage().startsWith("HERALD_DELIVERY_TIMEOUT=soon"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_PORT", "70000"), name -> null));
    }

    @Test
    void anAdminKeyShorterThan24CharactersStopsTheServer() {
        String shortKey = "a".repeat(23);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_ADMIN_KEY", shortKey), name -> null));

        assertEquals("HERALD_ADMIN_KEY is not valid: must be at least 24 characters", e.getMessage());
        assertFalse(e.getMessage().contains(shortKey), "a secret is never shown");
        assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_ADMIN_KEY", "a"), name -> null));
    }

    @Test
    void anAdminKeyOf24CharactersIsAccepted() {
        String key = "k".repeat(24);

        assertEquals(Optional.of(key), HeraldConfig.from(Map.of("HERALD_ADMIN_KEY", key), name -> null).adminKey());
    }

    @Test
    void theRequestTimeoutIsADurationAboveZero() {
        assertEquals(Duration.ofSeconds(5),
                HeraldConfig.from(Map.of("HERALD_REQUEST_TIMEOUT", "5s"), name -> null).settings().requestTimeout());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_REQUEST_TIMEOUT", "0s"), name -> null));
        assertTrue(e.getMessage().startsWith("HERALD_REQUEST_TIMEOUT=0s"), e.getMessage());
    }

    @Test
    void theTenantRateLimitIsAWholeNumberOfRequestsPerSecondAndZeroTurnsItOff() {
        assertEquals(1000, HeraldConfig.from(Map.of("HERALD_TENANT_RATE_LIMIT", "1000"), name -> null).settings()
                .tenantRequestsPerSecond());
        assertEquals(0, HeraldConfig.from(Map.of("HERALD_TENANT_RATE_LIMIT", "0"), name -> null).settings()
                .tenantRequestsPerSecond());
        for (String invalid : new String[] {"-1", "fast", "10/s", "2.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.from(Map.of("HERALD_TENANT_RATE_LIMIT", invalid), name -> null));
            assertTrue(e.getMessage().startsWith("HERALD_TENANT_RATE_LIMIT=" + invalid + " is not valid"),
                    e.getMessage());
        }
    }

    @Test
    void theLogFormatIsTextOrJsonAndAnythingElseStopsTheServer() {
        assertEquals(LogFormat.TEXT, HeraldConfig.from(Map.of(), name -> null).logFormat());
        assertEquals(LogFormat.JSON, HeraldConfig.from(Map.of("HERALD_LOG_FORMAT", "JSON"), name -> null).logFormat());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_LOG_FORMAT", "logfmt"), name -> null));
        assertEquals("HERALD_LOG_FORMAT=logfmt is not valid: expected text or json", e.getMessage());
    }

    @Test
    void aPasswordInTheDatabaseUrlIsNotShownAtStart() {
        assertEquals("jdbc:postgresql://db:5432/herald?user=herald&password=***&ssl=true",
                Main.withoutPassword("jdbc:postgresql://db:5432/herald?user=herald&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:file:./data/herald;PASSWORD=***",
                Main.withoutPassword("jdbc:h2:file:./data/herald;PASSWORD=x"));
    }

    @Test
    void checkingEventDataAgainstSchemasIsTurnedOnByItsVariable() {
        assertEquals(true, HeraldConfig.from(Map.of("HERALD_VALIDATE_EVENT_DATA", "true"), name -> null).settings()
                .validateEventData());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.from(Map.of("HERALD_VALIDATE_EVENT_DATA", "sometimes"), name -> null));
        assertTrue(e.getMessage().startsWith("HERALD_VALIDATE_EVENT_DATA=sometimes is not valid"), e.getMessage());
    }

    @Test
    void endpointLimitsComeFromTheirVariablesAndBadValuesAreRefusedByName() {
        EndpointLimits limits = HeraldConfig.from(Map.of("HERALD_ENDPOINT_CONCURRENCY", "8",
                "HERALD_CIRCUIT_FAILURES", "0", "HERALD_CIRCUIT_COOLDOWN", "10m", "HERALD_DISABLE_AFTER", "2d"),
                name -> null).settings()
                .dispatcher().endpoints();
        assertEquals(8, limits.concurrency());
        assertEquals(0, limits.breaker().failuresToOpen(), "0: the circuit never opens");
        assertEquals(Duration.ofMinutes(10), limits.breaker().cooldown());
        assertEquals(Duration.ofDays(2), limits.disableAfter());
        assertEquals(HeraldSettings.defaults().dispatcher().endpoints(),
                HeraldConfig.from(Map.of(), name -> null).settings().dispatcher().endpoints());
        for (String[] invalid : new String[][] {{"HERALD_ENDPOINT_CONCURRENCY", "0"},
                {"HERALD_CIRCUIT_FAILURES", "-1"}, {"HERALD_CIRCUIT_COOLDOWN", "0s"}, {"HERALD_DISABLE_AFTER", "5"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.from(Map.of(invalid[0], invalid[1]), name -> null));
            assertTrue(e.getMessage().startsWith(invalid[0] + "=" + invalid[1]), e.getMessage());
        }
    }
    @Test
    void theRetentionIsDaysAnIsoDurationOrADurationAndZeroKeepsEverything() {
        assertEquals(HeraldSettings.DEFAULT_RETENTION, HeraldConfig.from(Map.of(), name -> null).settings().retention());
        assertEquals(Duration.ofDays(30), HeraldSettings.DEFAULT_RETENTION);
        for (String[] valid : new String[][] {{"7", "P7D"}, {"P30D", "P30D"}, {"p2dt12h", "P2DT12H"}, {"12h", "PT12H"},
                {"PT1S", "PT1S"}, {"0", "PT0S"}}) {
            assertEquals(Duration.parse(valid[1]), HeraldConfig.from(Map.of("HERALD_RETENTION", valid[0]),
                    name -> null).settings().retention(), valid[0]);
        }
        for (String invalid : new String[] {"-1", "-P1D", "P1M", "forever", "30 days", "500ms", "PT0.5S", "P"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.from(Map.of("HERALD_RETENTION", invalid), name -> null));
            assertTrue(e.getMessage().startsWith("HERALD_RETENTION=" + invalid + " is not valid"), e.getMessage());
        }
    }

    @Test
    void thePortalsFrameAncestorsAreOriginsSeparatedBySpacesAndNoneByDefault() {
        assertEquals(List.of(), HeraldConfig.from(Map.of(), name -> null).portalFrameAncestors());
        assertEquals(List.of("https://app.example.com", "'self'", "https://*.example.org:8443"),
                HeraldConfig.from(Map.of("HERALD_PORTAL_FRAME_ANCESTORS",
                        " https://app.example.com  'self'\thttps://*.example.org:8443 "), name -> null)
                        .portalFrameAncestors());
        for (String invalid : List.of("*", "https://a.example; script-src *", "app.example.com", "https://a.example/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.from(Map.of("HERALD_PORTAL_FRAME_ANCESTORS", invalid), name -> null));
            assertTrue(e.getMessage().startsWith("HERALD_PORTAL_FRAME_ANCESTORS=" + invalid + " is not valid"),
                    e.getMessage());
        }
    }

    @Test
    void theEncryptionKeysAreReadWithTheirIdsAndNeverShown() {
        String current = SecretKeys.generate();
        String retired = SecretKeys.generate();
        assertEquals(Optional.empty(), HeraldConfig.from(Map.of(), name -> null).encryptionKeys());
        SecretKeys keys = HeraldConfig.from(Map.of("HERALD_ENCRYPTION_KEY", "k2:" + current,
                "HERALD_ENCRYPTION_OLD_KEYS", "k1:" + retired + ",k0:" + SecretKeys.generate()), name -> null)
                .encryptionKeys().orElseThrow();
        assertEquals("SecretKeys[current=k2, all=[k2, k1, k0]]", keys.toString());
        assertEquals("k2", keys.current().id());
        assertEquals(SecretKeys.DEFAULT_ID, HeraldConfig.from(Map.of("HERALD_ENCRYPTION_KEY", current), name -> null)
                .encryptionKeys().orElseThrow().current().id());

        String shortKey = current.substring(0, 20);
        for (Map<String, String> wrong : List.of(Map.of("HERALD_ENCRYPTION_KEY", shortKey),
                Map.of("HERALD_ENCRYPTION_KEY", current, "HERALD_ENCRYPTION_OLD_KEYS", "k1:" + shortKey))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.from(wrong, name -> null));
            assertTrue(e.getMessage().startsWith("HERALD_ENCRYPTION_"), e.getMessage());
            assertFalse(e.getMessage().contains(shortKey) || e.getMessage().contains(current), e.getMessage());
        }
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> HeraldConfig.from(
                Map.of("HERALD_ENCRYPTION_KEY", current, "HERALD_ENCRYPTION_OLD_KEYS", retired), name -> null));
        assertTrue(twice.getMessage().contains("two keys have the id 'default'"), twice.getMessage());
        IllegalArgumentException oldOnly = assertThrows(IllegalArgumentException.class, () -> HeraldConfig.from(
                Map.of("HERALD_ENCRYPTION_OLD_KEYS", retired), name -> null));
        assertTrue(oldOnly.getMessage().contains("without HERALD_ENCRYPTION_KEY"), oldOnly.getMessage());
    }
}
