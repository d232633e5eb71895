package dev.herald.server;

import dev.herald.adapter.http.HttpApiSettings;
import dev.herald.adapter.mail.SmtpSettings;
import dev.herald.adapter.persistence.SecretKeys;
import dev.herald.application.config.HeraldSettings;
import dev.herald.application.config.TenantLimits;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.endpoint.EndpointLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's settings (docs/API.md §8.1): each from its environment variable ({@code HERALD_PORT}) or the
 * system property of the same name in lower case with dots ({@code herald.port}); the property wins.
 */
public record HeraldConfig(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Optional<String> adminKey,
        Optional<SmtpSettings> smtp,
        HeraldSettings settings,
        Metrics metrics,
        LogFormat logFormat,
        List<String> portalFrameAncestors,
        Optional<SecretKeys> encryptionKeys) {

    /** {@code GET /metrics} (docs/API.md §8.5): served unless disabled; a bearer token when one is set, else open. */
    public record Metrics(boolean enabled, Optional<String> token) {
        public Metrics {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Metrics[enabled=" + enabled + ", token=" + (token.isPresent() ? "set" : "none") + "]";
        }
    }

    /** An admin key (or metrics token) shorter than this could be guessed; the server refuses to start with one. */
    public static final int MIN_ADMIN_KEY_LENGTH = 24;

    public static HeraldConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties()::getProperty);
    }

    /**
     * Reads every setting, each unset one at its default of {@link HeraldSettings}; a malformed value is an
     * {@link IllegalArgumentException} naming the variable.
     */
    public static HeraldConfig from(Map<String, String> environment, Function<String, String> systemProperties) {
        Settings s = new Settings(environment, systemProperties);
        HeraldSettings d = HeraldSettings.defaults();
        return new HeraldConfig(
                s.parsed("HERALD_PORT", HeraldSettings.DEFAULT_PORT, HeraldConfig::port),
                s.text("HERALD_DB_URL").orElse(HeraldSettings.DEFAULT_DATABASE_URL),
                s.text("HERALD_DB_USER").orElse(""),
                s.text("HERALD_DB_PASSWORD").orElse(""),
                s.secret("HERALD_ADMIN_KEY", HeraldConfig::longSecret),
                s.text("HERALD_SMTP_HOST").map(host -> new SmtpSettings(host,
                        s.parsed("HERALD_SMTP_PORT", HeraldSettings.DEFAULT_SMTP_PORT, HeraldConfig::port),
                        s.text("HERALD_SMTP_USER").orElse(""),
                        s.text("HERALD_SMTP_PASSWORD").orElse(""),
                        s.text("HERALD_SMTP_FROM").orElse(HeraldSettings.DEFAULT_SMTP_FROM))),
                new HeraldSettings(
                        s.parsed("HERALD_ALLOW_HTTP", d.allowHttp(), HeraldConfig::bool),
                        s.parsed("HERALD_ALLOW_PRIVATE_NETWORKS", d.allowPrivateNetworks(), HeraldConfig::bool),
                        s.parsed("HERALD_RETRY_SCHEDULE", d.retrySchedule(), RetrySchedule::parse),
                        s.parsed("HERALD_CONNECT_TIMEOUT", d.connectTimeout(), RetrySchedule::parseDuration),
                        s.parsed("HERALD_DELIVERY_TIMEOUT", d.deliveryTimeout(), RetrySchedule::parseDuration),
                        d.dispatcher().withLease(s.parsed("HERALD_DELIVERY_LEASE", d.dispatcher().lease(),
                                RetrySchedule::parseDuration)).withEndpoints(endpointLimits(s, d)),
                        new TenantLimits(
                                s.parsed("HERALD_MAX_WEBHOOKS_PER_TENANT", d.tenantLimits().webhooks(),
                                        text -> Math.toIntExact(positiveLong(text))),
                                s.parsed("HERALD_MAX_SUBSCRIBERS_PER_EVENT_TYPE",
                                        d.tenantLimits().subscribersPerEventType(),
                                        text -> Math.toIntExact(positiveLong(text))),
                                s.parsed("HERALD_MAX_FANOUT_BYTES", d.tenantLimits().fanOutBytes(),
                                        HeraldConfig::positiveLong)),
                        d.noticeLimits(),
                        s.parsed("HERALD_MAX_EVENT_BYTES", d.maxEventBytes(), HeraldConfig::positiveLong),
                        d.maxBodyBytes(),
                        s.parsed("HERALD_REQUEST_TIMEOUT", d.requestTimeout(), HeraldConfig::positiveDuration),
                        s.parsed("HERALD_TENANT_RATE_LIMIT", d.tenantRequestsPerSecond(), HeraldConfig::zeroOrMore),
                        d.stopGrace(),
                        s.parsed("HERALD_VALIDATE_EVENT_DATA", d.validateEventData(), HeraldConfig::bool),
                        s.parsed("HERALD_RETENTION", d.retention(), HeraldConfig::retention)),
                new Metrics(s.parsed("HERALD_METRICS_ENABLED", true, HeraldConfig::bool),
                        s.secret("HERALD_METRICS_TOKEN", HeraldConfig::longSecret)),
                s.parsed("HERALD_LOG_FORMAT", LogFormat.TEXT, LogFormat::parse),
                s.parsed("HERALD_PORTAL_FRAME_ANCESTORS", List.of(), HeraldConfig::frameAncestors),
                encryptionKeys(s));
    }

    /**
     * HERALD_PORTAL_FRAME_ANCESTORS (docs/API.md §12): origins separated by spaces, each checked as it would be by
     * {@link HttpApiSettings#withPortalFrameAncestors}, so a bad one stops the server at start.
     */
    private static List<String> frameAncestors(String text) {
        List<String> origins = Arrays.asList(text.split("\\s+"));
        HttpApiSettings.defaults().withPortalFrameAncestors(origins);
        return origins;
    }

    /**
     * HERALD_ENCRYPTION_KEY, the current key, and HERALD_ENCRYPTION_OLD_KEYS, the retired ones still read, each
     * {@code [ID:]BASE64} (docs/API.md §8.1); a message about them never shows a key.
     */
    private static Optional<SecretKeys> encryptionKeys(Settings s) {
        Optional<SecretKeys.Key> current = s.secret("HERALD_ENCRYPTION_KEY", SecretKeys.Key::parse);
        List<SecretKeys.Key> retired = s.secret("HERALD_ENCRYPTION_OLD_KEYS", SecretKeys::parseList).orElse(List.of());
        if (current.isEmpty()) {
            if (!retired.isEmpty()) {
                throw new IllegalArgumentException("HERALD_ENCRYPTION_OLD_KEYS is set without HERALD_ENCRYPTION_KEY:"
                        + " the current key is the one new secrets are encrypted with");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(SecretKeys.of(current.get(), retired));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HERALD_ENCRYPTION_KEY and HERALD_ENCRYPTION_OLD_KEYS: " + e.getMessage());
        }
    }

    /**
     * HERALD_ENDPOINT_CONCURRENCY, HERALD_CIRCUIT_FAILURES (0: never open), HERALD_CIRCUIT_COOLDOWN and
     * HERALD_DISABLE_AFTER (0: never).
     */
    private static EndpointLimits endpointLimits(Settings s, HeraldSettings d) {
        EndpointLimits defaults = d.dispatcher().endpoints();
        Duration cooldown = s.parsed("HERALD_CIRCUIT_COOLDOWN", defaults.breaker().cooldown(),
                HeraldConfig::positiveDuration);
        Duration longest = cooldown.compareTo(defaults.breaker().maxCooldown()) > 0
                ? cooldown : defaults.breaker().maxCooldown();
        return new EndpointLimits(
                s.parsed("HERALD_ENDPOINT_CONCURRENCY", defaults.concurrency(),
                        text -> Math.toIntExact(positiveLong(text))),
                new CircuitBreaker(s.parsed("HERALD_CIRCUIT_FAILURES", defaults.breaker().failuresToOpen(),
                        HeraldConfig::zeroOrMore), cooldown, longest),
                s.parsed("HERALD_DISABLE_AFTER", defaults.disableAfter(), RetrySchedule::parseDuration));
    }

    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535");
        }
        return port;
    }

    private static String longSecret(String key) {
        if (key.length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_ADMIN_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static long positiveLong(String text) {
        long value = Long.parseLong(text);
        if (value < 1) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }

    private static int zeroOrMore(String text) {
        int value = Integer.parseInt(text);
        if (value < 0) {
            throw new IllegalArgumentException("must be 0 (off) or more");
        }
        return value;
    }

    private static Duration positiveDuration(String text) {
        Duration duration = RetrySchedule.parseDuration(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be more than zero");
        }
        return duration;
    }

    /**
     * HERALD_RETENTION (docs/API.md §8.1): a number of days ({@code 30}; {@code 0} keeps everything forever), an
     * ISO-8601 duration ({@code P30D}, {@code PT12H}), or a duration like the others ({@code 30d}, {@code 12h}).
     * Shorter than a second, or negative, is refused.
     */
    static Duration retention(String text) {
        Duration retention;
        if (text.matches("\\d{1,9}")) {
            retention = Duration.ofDays(Long.parseLong(text));
        } else if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                retention = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration such as P30D");
            }
        } else {
            retention = RetrySchedule.parseDuration(text);
        }
        if (retention.isNegative() || (!retention.isZero() && retention.compareTo(Duration.ofSeconds(1)) < 0)) {
            throw new IllegalArgumentException("must be 0 (keep forever) or at least one second");
        }
        return retention;
    }

    /** Looks a variable up as a system property first, then in the environment; blank counts as unset. */
    private record Settings(Map<String, String> environment, Function<String, String> systemProperties) {
        Optional<String> text(String variable) {
            String property = systemProperties.apply(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
            String value = property != null ? property : environment.get(variable);
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }

        /** The variable's value, parsed; {@code fallback} when it is unset. */
        <T> T parsed(String variable, T fallback, Function<String, T> parser) {
            Optional<String> value = text(variable);
            try {
                return value.map(parser).orElse(fallback);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(variable + "=" + value.get() + " is not valid: " + e.getMessage(),
                        e);
            }
        }

        /** Like {@link #parsed}, for an optional secret: the message names the variable but never shows the value. */
        <T> Optional<T> secret(String variable, Function<String, T> check) {
            try {
                return text(variable).map(check);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(variable + " is not valid: " + e.getMessage());
            }
        }
    }
}
