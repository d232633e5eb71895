package dev.herald.application.config;

import dev.herald.application.port.out.ForThrottlingNotices.Limits;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.endpoint.EndpointLimits;
import java.time.Duration;

/**
 * Every setting of Herald with its default, in one place (the configuration table of the README). The embedding
 * facade's builder and the server's environment parser only fill it in; the adapters' settings are cut from it.
 *
 * @param allowHttp            accept plain {@code http://} webhook URLs
 * @param allowPrivateNetworks accept and deliver to loopback, private and other blocked address ranges
 * @param retrySchedule        the delays between a delivery's attempts
 * @param connectTimeout       longest wait for a receiver's TCP (and TLS) connection
 * @param deliveryTimeout      longest wait for a receiver's whole answer
 * @param dispatcher           how this node works the queue (batch, sends in flight, poll interval, lease)
 * @param tenantLimits         what one tenant may ask of Herald
 * @param noticeLimits         how often a webhook's owner and a tenant may be mailed about failures
 * @param maxEventBytes        the largest {@code POST /v1/event/create} body the HTTP API accepts
 * @param maxBodyBytes         the largest body of every other HTTP API endpoint
 * @param requestTimeout       the longest time a client may take to send one HTTP API request
 * @param tenantRequestsPerSecond the {@code /v1} requests one tenant may make of this node per second; 0 is no limit
 * @param stopGrace            how long a stopping Herald lets sends in flight finish
 * @param validateEventData    check published data against its type's JSON Schema (docs/API.md §5)
 * @param retention            how long finished deliveries and events are kept (docs/API.md §8.4); zero keeps them
 *                             forever
 */
public record HeraldSettings(
        boolean allowHttp,
        boolean allowPrivateNetworks,
        RetrySchedule retrySchedule,
        Duration connectTimeout,
        Duration deliveryTimeout,
        DispatcherSettings dispatcher,
        TenantLimits tenantLimits,
        Limits noticeLimits,
        long maxEventBytes,
        long maxBodyBytes,
        Duration requestTimeout,
        int tenantRequestsPerSecond,
        Duration stopGrace,
        boolean validateEventData,
        Duration retention) {

    /** An H2 file next to the working directory: one node, nothing to set up. */
    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/herald";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_SMTP_PORT = 25;
    public static final String DEFAULT_SMTP_FROM = "herald@localhost";
    /** The schedule is the domain's: 1s, 5s, 15s, 60s, 5m, 15m (seven attempts in about 21 minutes). */
    public static final RetrySchedule DEFAULT_RETRY_SCHEDULE = RetrySchedule.DEFAULT;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(15);
    /** How much of a receiver's answer is kept; the rest is never read. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 4096;
    /** A batch as large as the sends in flight: fewer, larger claim transactions (docs/BENCHMARKS.md). */
    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final int DEFAULT_MAX_IN_FLIGHT = 200;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    /** Longer than any send can take, so only a dead node's work expires. */
    public static final Duration DEFAULT_DELIVERY_LEASE = Duration.ofSeconds(60);
    /**
     * Sends open to one endpoint on all nodes together: a hung endpoint holds at most this many of a node's 200, and
     * the five endpoints of the benchmark can still fill them (docs/BENCHMARKS.md).
     */
    public static final int DEFAULT_ENDPOINT_CONCURRENCY = 32;
    /** Consecutive failed sends that open an endpoint's circuit. */
    public static final int DEFAULT_CIRCUIT_FAILURES = 10;
    /** How long an opened circuit stays open before its first probe; doubled after each failed probe. */
    public static final Duration DEFAULT_CIRCUIT_COOLDOWN = Duration.ofSeconds(10);
    /** The longest an open circuit waits between probes, well inside the retry schedule's 21 minutes. */
    public static final Duration DEFAULT_CIRCUIT_MAX_COOLDOWN = Duration.ofMinutes(5);
    /** How long an endpoint may fail without a success before its webhook is disabled: days, as Svix does. */
    public static final Duration DEFAULT_DISABLE_AFTER = Duration.ofDays(5);
    /** A 256 KiB event reaches at most 64 webhooks; a small one 100. */
    public static final int DEFAULT_MAX_WEBHOOKS_PER_TENANT = 1_000;
    public static final int DEFAULT_MAX_SUBSCRIBERS_PER_EVENT_TYPE = 100;
    public static final long DEFAULT_MAX_FANOUT_BYTES = 16L << 20;
    public static final Duration DEFAULT_NOTICE_WEBHOOK_WINDOW = Duration.ofMinutes(15);
    public static final int DEFAULT_NOTICES_PER_TENANT = 20;
    public static final Duration DEFAULT_NOTICE_TENANT_WINDOW = Duration.ofHours(1);
    public static final long DEFAULT_MAX_EVENT_BYTES = 262_144;
    public static final long DEFAULT_MAX_BODY_BYTES = 65_536;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Off: a fair rate depends on who calls. A platform publishing for all its tenants sets one to taste; a single
     * tenant may rightly publish hundreds a second (the benchmark: about 700 from one tenant).
     */
    public static final int DEFAULT_TENANT_REQUESTS_PER_SECOND = 0;
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);
    /** Off: publishers' data was never checked beyond being a JSON object, and turning it on must not break them. */
    public static final boolean DEFAULT_VALIDATE_EVENT_DATA = false;

    /** Finished deliveries, their attempts and old events are kept a month, as Svix and Convoy keep theirs. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    /** Checks every setting; a wrong one is an {@link IllegalArgumentException} that names it. */
    public HeraldSettings {
        require(retrySchedule, "retrySchedule");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(deliveryTimeout, "deliveryTimeout");
        require(dispatcher, "dispatcher");
        requirePositive(dispatcher.pollInterval(), "pollInterval");
        requirePositive(dispatcher.lease(), "deliveryLease");
        require(dispatcher.endpoints(), "endpointLimits");
        require(tenantLimits, "tenantLimits");
        require(noticeLimits, "noticeLimits");
        requirePositive(maxEventBytes, "maxEventBytes");
        requirePositive(maxBodyBytes, "maxBodyBytes");
        requirePositive(requestTimeout, "requestTimeout");
        if (tenantRequestsPerSecond < 0) {
            throw new IllegalArgumentException(
                    "tenantRequestsPerSecond must be 0 (no limit) or more, was " + tenantRequestsPerSecond);
        }
        require(stopGrace, "stopGrace");
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("stopGrace must not be negative, was " + stopGrace);
        }
        require(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must be 0 (keep forever) or more, was " + retention);
        }
    }

    /** Every setting at its default. */
    public static HeraldSettings defaults() {
        return new HeraldSettings(false, false, DEFAULT_RETRY_SCHEDULE, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_DELIVERY_TIMEOUT,
                new DispatcherSettings(DEFAULT_BATCH_SIZE, DEFAULT_MAX_IN_FLIGHT, DEFAULT_POLL_INTERVAL,
                        DEFAULT_DELIVERY_LEASE, new EndpointLimits(DEFAULT_ENDPOINT_CONCURRENCY,
                        new CircuitBreaker(DEFAULT_CIRCUIT_FAILURES, DEFAULT_CIRCUIT_COOLDOWN,
                                DEFAULT_CIRCUIT_MAX_COOLDOWN), DEFAULT_DISABLE_AFTER)),
                new TenantLimits(DEFAULT_MAX_WEBHOOKS_PER_TENANT, DEFAULT_MAX_SUBSCRIBERS_PER_EVENT_TYPE,
                        DEFAULT_MAX_FANOUT_BYTES),
                new Limits(DEFAULT_NOTICE_WEBHOOK_WINDOW, DEFAULT_NOTICES_PER_TENANT, DEFAULT_NOTICE_TENANT_WINDOW),
                DEFAULT_MAX_EVENT_BYTES, DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_TENANT_REQUESTS_PER_SECOND, DEFAULT_STOP_GRACE, DEFAULT_VALIDATE_EVENT_DATA, DEFAULT_RETENTION);
    }

    /** These settings with {@code allowHttp} changed. */
    public HeraldSettings withAllowHttp(boolean allow) {
        return new HeraldSettings(allow, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code allowPrivateNetworks} changed. */
    public HeraldSettings withAllowPrivateNetworks(boolean allow) {
        return new HeraldSettings(allowHttp, allow, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code retrySchedule} changed. */
    public HeraldSettings withRetrySchedule(RetrySchedule schedule) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, schedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code connectTimeout} and {@code deliveryTimeout} changed. */
    public HeraldSettings withTimeouts(Duration connect, Duration delivery) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connect, delivery,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code dispatcher} changed. */
    public HeraldSettings withDispatcher(DispatcherSettings settings) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                settings, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code tenantLimits} changed. */
    public HeraldSettings withTenantLimits(TenantLimits limits) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, limits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code maxEventBytes} changed. */
    public HeraldSettings withMaxEventBytes(long bytes) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, bytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code requestTimeout} changed. */
    public HeraldSettings withRequestTimeout(Duration timeout) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, timeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, retention);
    }

    /** These settings with {@code stopGrace} changed. */
    public HeraldSettings withStopGrace(Duration grace) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, grace, validateEventData, retention);
    }

    /** These settings with {@code validateEventData} changed. */
    public HeraldSettings withValidateEventData(boolean validate) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validate, retention);
    }

    /** These settings with {@code retention} changed. */
    public HeraldSettings withRetention(Duration keep) {
        return new HeraldSettings(allowHttp, allowPrivateNetworks, retrySchedule, connectTimeout, deliveryTimeout,
                dispatcher, tenantLimits, noticeLimits, maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond, stopGrace, validateEventData, keep);
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        require(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be more than zero, was " + duration);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
