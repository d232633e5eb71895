package dev.herald.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.herald.adapter.metrics.MicrometerMetrics;
import dev.herald.adapter.metrics.QueueGauges;
import dev.herald.adapter.outbound.JdkHttpSender;
import dev.herald.adapter.outbound.OutboundHttpSettings;
import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.adapter.persistence.SecretKeys;
import dev.herald.application.config.DispatcherSettings;
import dev.herald.application.config.HeraldSettings;
import dev.herald.application.config.TenantLimits;
import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.endpoint.EndpointLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The settings of an embedded {@link Herald}, each at its default until set. Every method checks its input at once: a
 * wrong value is an {@link IllegalArgumentException} that names the setting.
 */
public final class HeraldBuilder {
    private String jdbcUrl = HeraldSettings.DEFAULT_DATABASE_URL;
    private String user = "";
    private String password = "";
    private DataSource dataSource;
    private HeraldSettings settings = HeraldSettings.defaults();
    private boolean databaseSet;
    private boolean timeoutsSet;
    private Clock clock = Clock.systemUTC();
    private ForSendingHttp httpSender;
    private ForNotifyingOwners ownerNotifier;
    private MeterRegistry meterRegistry;
    private Optional<SecretKeys> encryptionKeys = Optional.empty();

    HeraldBuilder() {
    }

    /** Herald opens its own pool on this H2 or PostgreSQL database (the driver is the host's to add). */
    public HeraldBuilder database(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "database: a JDBC URL (jdbc:h2:… or jdbc:postgresql:…), was " + jdbcUrl);
        }
        this.jdbcUrl = jdbcUrl;
        this.databaseSet = true;
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
        return this;
    }

    /** Herald uses the host's pool (and can then join the host's transactions); the host closes it. */
    public HeraldBuilder dataSource(DataSource dataSource) {
        this.dataSource = required(dataSource, "dataSource");
        return this;
    }

    /** Whether webhooks may have plain {@code http://} URLs (default: https only). */
    public HeraldBuilder allowHttp(boolean allow) {
        return change(s -> s.withAllowHttp(allow));
    }

    /** Whether webhooks may point at loopback, private and other blocked address ranges (default: no). */
    public HeraldBuilder allowPrivateNetworks(boolean allow) {
        return change(s -> s.withAllowPrivateNetworks(allow));
    }

    /** The delays between a delivery's attempts (default: 1s, 5s, 15s, 60s, 5m, 15m). */
    public HeraldBuilder retrySchedule(RetrySchedule schedule) {
        return change(s -> s.withRetrySchedule(required(schedule, "retrySchedule")));
    }

    /** How long Herald's sender waits to connect to a receiver and for its whole answer (default: 5 s and 15 s). */
    public HeraldBuilder timeouts(Duration connect, Duration delivery) {
        timeoutsSet = true;
        return change(s -> s.withTimeouts(connect, delivery));
    }

    /** How long a claimed delivery stays this node's (default: 60 s); keep it above connect + delivery timeouts. */
    public HeraldBuilder deliveryLease(Duration lease) {
        return change(s -> s.withDispatcher(s.dispatcher().withLease(required(lease, "deliveryLease"))));
    }

    /**
     * How this node works the queue: up to {@code batchSize} deliveries claimed at a time, at most {@code maxInFlight}
     * sends open, the queue looked at every {@code pollInterval} when idle (defaults: 200, 200, 250 ms).
     */
    public HeraldBuilder deliveryWorkers(int batchSize, int maxInFlight, Duration pollInterval) {
        return change(s -> s.withDispatcher(new DispatcherSettings(batchSize, maxInFlight,
                required(pollInterval, "pollInterval"), s.dispatcher().lease(), s.dispatcher().endpoints())));
    }

    /**
     * What every endpoint is held to on all nodes together: sends open at once (default 32) and the circuit breaker
     * (default: open after 10 failed sends in a row, probe after 10 s, doubling up to 5 minutes).
     */
    public HeraldBuilder endpointLimits(EndpointLimits limits) {
        return change(s -> s.withDispatcher(s.dispatcher().withEndpoints(required(limits, "endpointLimits"))));
    }

    /** What one tenant may ask: webhooks, subscribers per event type, bytes one publish sends. */
    public HeraldBuilder tenantLimits(TenantLimits limits) {
        return change(s -> s.withTenantLimits(required(limits, "tenantLimits")));
    }

    /**
     * Whether published data is checked against the JSON Schema of its type in the event-type catalog (default: no);
     * data that breaks it is refused with one violation per problem, and nothing is created.
     */
    public HeraldBuilder validateEventData(boolean validate) {
        return change(s -> s.withValidateEventData(validate));
    }

    /**
     * How long finished deliveries (with their attempts) and events are kept before a background round deletes them
     * (docs/API.md §8.4); {@link Duration#ZERO} keeps them forever. Default 30 days.
     */
    public HeraldBuilder retention(Duration retention) {
        return change(s -> s.withRetention(required(retention, "retention")));
    }

    /** Every setting at once, e.g. as the server reads them from its environment. */
    public HeraldBuilder settings(HeraldSettings settings) {
        this.settings = required(settings, "settings");
        return this;
    }

    /** The clock of every timestamp and retry (default: the system's, in UTC). */
    public HeraldBuilder clock(Clock clock) {
        this.clock = required(clock, "clock");
        return this;
    }

    /**
     * Replaces Herald's outbound HTTP sender (e.g. with a test double). The replacement brings its own timeouts and
     * address guard, so it cannot be combined with {@link #timeouts}; {@link #allowPrivateNetworks} then still decides
     * which webhook URLs are accepted.
     */
    public HeraldBuilder httpSender(ForSendingHttp sender) {
        this.httpSender = required(sender, "httpSender");
        return this;
    }

    /** Where failure notices go, e.g. the SMTP adapter of {@code herald-adapter-mail-smtp} (default: the log). */
    public HeraldBuilder ownerNotifier(ForNotifyingOwners notifier) {
        this.ownerNotifier = required(notifier, "ownerNotifier");
        return this;
    }

    /**
     * Records Herald's metrics (docs/API.md §8.5) in the host's registry, and those of the pool Herald opens (not of a
     * host's {@link #dataSource}); the host exposes the registry as it likes. Without one nothing is recorded.
     */
    public HeraldBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = required(registry, "meterRegistry");
        return this;
    }

    /**
     * Encrypts webhook signing secrets at rest under this key, written {@code [ID:]BASE64} (the base64 of 32 random
     * bytes, e.g. {@link SecretKeys#generate()}); clear-text secrets already stored are encrypted when Herald starts
     * (docs/API.md §8.7). Without a key they stay in clear text.
     */
    public HeraldBuilder encryptionKey(String key) {
        try {
            return encryptionKeys(SecretKeys.of(required(key, "encryptionKey")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryptionKey: " + e.getMessage());
        }
    }

    /** Like {@link #encryptionKey}, with retired keys that still read older values while keys are rotated. */
    public HeraldBuilder encryptionKeys(SecretKeys keys) {
        this.encryptionKeys = Optional.of(required(keys, "encryptionKeys"));
        return this;
    }

    /** Opens the database (migrating Herald's tables) and wires Herald; nothing is left open if this fails. */
    public Herald build() {
        if (httpSender != null && timeoutsSet) {
            throw new IllegalArgumentException("timeouts: they are those of Herald's own sender, and httpSender "
                    + "replaces it; set the timeouts on the replacement instead");
        }
        if (dataSource != null && databaseSet) {
            throw new IllegalArgumentException("database and dataSource: Herald uses one of them, set only one");
        }
        HeraldSettings chosen = settings;
        Herald herald = HeraldAssembly.assemble(chosen, database(), clock,
                () -> httpSender != null ? httpSender : new JdkHttpSender(OutboundHttpSettings.from(chosen)),
                ownerNotifier != null ? ownerNotifier : new LoggingOwnerNotifier(),
                meterRegistry != null ? new MicrometerMetrics(meterRegistry) : ForRecordingMetrics.NONE);
        if (meterRegistry != null) {
            QueueGauges.bind(meterRegistry, herald.queue());
        }
        return herald;
    }

    private HeraldAssembly.Database database() {
        return dataSource != null ? () -> JdbiPersistence.onDataSource(dataSource, encryptionKeys)
                : () -> JdbiPersistence.connect(jdbcUrl, user, password, encryptionKeys, pool -> {
                    if (meterRegistry != null) {
                        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meterRegistry));
                    }
                });
    }

    private HeraldBuilder change(UnaryOperator<HeraldSettings> change) {
        settings = change.apply(settings);
        return this;
    }

    private static <T> T required(T value, String setting) {
        if (value == null) {
            throw new IllegalArgumentException(setting + " must be set");
        }
        return value;
    }
}
