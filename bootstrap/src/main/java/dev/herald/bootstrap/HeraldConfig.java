package dev.herald.bootstrap;

import dev.herald.application.service.TenantLimits;
import dev.herald.domain.RetrySchedule;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
        boolean allowHttp,
        boolean allowPrivateNetworks,
        Optional<Smtp> smtp,
        RetrySchedule retrySchedule,
        Duration connectTimeout,
        Duration deliveryTimeout,
        long maxEventBytes,
        Duration deliveryLease,
        Duration requestTimeout,
        TenantLimits tenantLimits) {

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/herald";
    /** An admin key shorter than this could be guessed; the server refuses to start with one. */
    public static final int MIN_ADMIN_KEY_LENGTH = 24;

    /** Outgoing mail; without a host, failure notices are only logged. */
    public record Smtp(String host, int port, Optional<String> user, Optional<String> password, String from) {
    }

    public static HeraldConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties()::getProperty);
    }

    /** Reads every setting; a malformed value is an {@link IllegalArgumentException} naming the variable. */
    public static HeraldConfig from(Map<String, String> environment, Function<String, String> systemProperties) {
        Settings s = new Settings(environment, systemProperties);
        return new HeraldConfig(
                s.parsed("HERALD_PORT", "8080", HeraldConfig::port),
                s.text("HERALD_DB_URL").orElse(DEFAULT_DB_URL),
                s.text("HERALD_DB_USER").orElse(""),
                s.text("HERALD_DB_PASSWORD").orElse(""),
                s.secret("HERALD_ADMIN_KEY", HeraldConfig::adminKey),
                s.parsed("HERALD_ALLOW_HTTP", "false", HeraldConfig::bool),
                s.parsed("HERALD_ALLOW_PRIVATE_NETWORKS", "false", HeraldConfig::bool),
                s.text("HERALD_SMTP_HOST").map(host -> new Smtp(host,
                        s.parsed("HERALD_SMTP_PORT", "25", HeraldConfig::port),
                        s.text("HERALD_SMTP_USER"),
                        s.text("HERALD_SMTP_PASSWORD"),
                        s.text("HERALD_SMTP_FROM").orElse("herald@localhost"))),
                s.parsed("HERALD_RETRY_SCHEDULE", "1s,5s,15s,60s,5m,15m", RetrySchedule::parse),
                s.parsed("HERALD_CONNECT_TIMEOUT", "5s", RetrySchedule::parseDuration),
                s.parsed("HERALD_DELIVERY_TIMEOUT", "15s", RetrySchedule::parseDuration),
                s.parsed("HERALD_MAX_EVENT_BYTES", "262144", text -> positiveLong(text)),
                s.parsed("HERALD_DELIVERY_LEASE", "60s", RetrySchedule::parseDuration),
                s.parsed("HERALD_REQUEST_TIMEOUT", "30s", HeraldConfig::positiveDuration),
                new TenantLimits(
                        s.parsed("HERALD_MAX_WEBHOOKS_PER_TENANT", Integer.toString(TenantLimits.DEFAULT.webhooks()),
                                text -> Math.toIntExact(positiveLong(text))),
                        s.parsed("HERALD_MAX_SUBSCRIBERS_PER_EVENT_TYPE",
                                Integer.toString(TenantLimits.DEFAULT.subscribersPerEventType()),
                                text -> Math.toIntExact(positiveLong(text))),
                        s.parsed("HERALD_MAX_FANOUT_BYTES", Long.toString(TenantLimits.DEFAULT.fanOutBytes()),
                                HeraldConfig::positiveLong)));
    }

    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535");
        }
        return port;
    }

    private static String adminKey(String key) {
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

    private static Duration positiveDuration(String text) {
        Duration duration = RetrySchedule.parseDuration(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be more than zero");
        }
        return duration;
    }

    /** Looks a variable up as a system property first, then in the environment; blank counts as unset. */
    private record Settings(Map<String, String> environment, Function<String, String> systemProperties) {
        Optional<String> text(String variable) {
            String property = systemProperties.apply(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
            String value = property != null ? property : environment.get(variable);
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }

        <T> T parsed(String variable, String defaultText, Function<String, T> parser) {
            String value = text(variable).orElse(defaultText);
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(variable + "=" + value + " is not valid: " + e.getMessage(), e);
            }
        }

        /** Like {@link #parsed}, for an optional secret: the message names the variable but never shows the value. */
        Optional<String> secret(String variable, UnaryOperator<String> check) {
            try {
                return text(variable).map(check);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(variable + " is not valid: " + e.getMessage());
            }
        }
    }
}
