package dev.herald.bootstrap;

import dev.herald.adapter.mail.LoggingOwnerNotifier;
import dev.herald.adapter.mail.SmtpOwnerNotifier;
import dev.herald.adapter.mail.SmtpSettings;
import dev.herald.adapter.outbound.JdkHttpSender;
import dev.herald.adapter.outbound.OutboundHttpSettings;
import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.application.port.in.ForAdministeringTenants;
import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.application.port.in.ForCheckingHealth;
import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.application.port.in.ForPublishingEvents;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.in.ForPublishingEvents.PublishedEvent;
import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.port.out.ForThrottlingNotices.Limits;
import dev.herald.application.service.DeliveryAttempts;
import dev.herald.application.service.DeliveryCycle;
import dev.herald.application.service.DeliveryDispatcher;
import dev.herald.application.service.DeliveryInspection;
import dev.herald.application.service.DispatcherSettings;
import dev.herald.application.service.EventPublishing;
import dev.herald.application.service.HealthCheck;
import dev.herald.application.service.OwnerNotification;
import dev.herald.application.service.TenantAdministration;
import dev.herald.application.service.TenantLimits;
import dev.herald.application.service.WebhookManagement;
import dev.herald.domain.RetrySchedule;
import dev.herald.domain.SecretGenerator;
import dev.herald.domain.TenantId;
import dev.herald.domain.UrlPolicy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald as a library: built in a few lines around a JDBC URL or the host's {@link DataSource}, used through plain
 * method calls, delivering with its own worker threads between {@link #startDelivering()} and {@link #close()}.
 *
 * <pre>{@code
 * try (Herald herald = Herald.builder().database("jdbc:h2:file:./data/herald", "", "").build()) {
 *     herald.startDelivering();
 *     herald.events().publish(tenant, PublishEvent.of("PATIENT_CREATED", "{\"patientId\":42}"));
 * }
 * }</pre>
 */
public final class Herald implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Herald.class);
    public static final String VERSION = "0.1.0";
    public static final String USER_AGENT = "Herald/" + VERSION;
    /** How long a stopping Herald lets sends in flight finish before giving them back to the queue. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final JdbiPersistence persistence;
    private final TenantAdministration tenants;
    private final WebhookManagement webhooks;
    private final EventPublishing events;
    private final DeliveryInspection deliveries;
    private final HealthCheck health;
    private final DeliveryDispatcher dispatcher;
    /** Sends failure notices off the delivery threads; one thread, as notices are few (throttled per webhook and tenant). */
    private final ExecutorService notices = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "herald-notices");
        thread.setDaemon(true);
        return thread;
    });

    private Herald(Builder b) {
        warnIfLeaseIsShorterThanASend(b);
        persistence = b.dataSource != null ? JdbiPersistence.onDataSource(b.dataSource)
                : JdbiPersistence.connect(b.jdbcUrl, b.user, b.password);
        ForSendingHttp http = b.httpSender != null ? b.httpSender : new JdkHttpSender(
                OutboundHttpSettings.defaults().withTimeouts(b.connectTimeout, b.deliveryTimeout)
                        .withAllowPrivateNetworks(b.allowPrivateNetworks));
        ForNotifyingOwners notifier = b.ownerNotifier != null ? b.ownerNotifier
                : b.smtp.<ForNotifyingOwners>map(smtp -> new SmtpOwnerNotifier(new SmtpSettings(smtp.host(), smtp.port(),
                        smtp.user().orElse(""), smtp.password().orElse(""), smtp.from()))).orElseGet(LoggingOwnerNotifier::new);

        tenants = new TenantAdministration(persistence.tenants());
        webhooks = new WebhookManagement(persistence.webhooks(), persistence.deliveries(), persistence.transactions(),
                b.clock, new UrlPolicy(b.allowHttp, b.allowPrivateNetworks), new SecretGenerator(), b.tenantLimits);
        events = new EventPublishing(persistence.webhooks(), persistence.events(), persistence.deliveries(),
                persistence.transactions(), b.clock, b.tenantLimits);
        OwnerNotification notification = new OwnerNotification(persistence.noticeThrottle(), notifier, b.clock,
                Limits.DEFAULT, notices);
        DeliveryAttempts attempts = new DeliveryAttempts(persistence.webhooks(), persistence.events(), http, b.clock,
                b.retrySchedule,
                USER_AGENT, new Random());
        deliveries = new DeliveryInspection(persistence.webhooks(), persistence.events(), persistence.deliveryLog(),
                persistence.deliveries(), attempts, notification);
        health = new HealthCheck(persistence.databaseProbe());
        dispatcher = new DeliveryDispatcher(
                new DeliveryCycle(persistence.deliveries(), attempts, notification, b.clock, b.dispatcher));
        events.afterPublish(dispatcher::wakeUp);
    }

    /** A lease that can end while its send is still running lets this node's own work be claimed again: sent twice. */
    private static void warnIfLeaseIsShorterThanASend(Builder b) {
        Duration longestSend = b.connectTimeout.plus(b.deliveryTimeout);
        if (b.dispatcher.lease().compareTo(longestSend) <= 0) {
            LOG.warn("the delivery lease ({}) is not longer than connect + delivery timeouts ({}): slow receivers "
                    + "will get deliveries twice; raise HERALD_DELIVERY_LEASE", b.dispatcher.lease(), longestSend);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Herald configured as the standalone server is (docs/API.md §8.1). */
    public static Herald fromConfig(HeraldConfig config) {
        return builder()
                .database(config.dbUrl(), config.dbUser(), config.dbPassword())
                .allowHttp(config.allowHttp())
                .allowPrivateNetworks(config.allowPrivateNetworks())
                .retrySchedule(config.retrySchedule())
                .timeouts(config.connectTimeout(), config.deliveryTimeout())
                .smtp(config.smtp())
                .dispatcher(new DispatcherSettings(DispatcherSettings.DEFAULT.batchSize(),
                        DispatcherSettings.DEFAULT.maxInFlight(), DispatcherSettings.DEFAULT.pollInterval(),
                        config.deliveryLease()))
                .tenantLimits(config.tenantLimits())
                .build();
    }

    public ForManagingWebhooks webhooks() {
        return webhooks;
    }

    public ForPublishingEvents events() {
        return events;
    }

    public ForInspectingDeliveries deliveries() {
        return deliveries;
    }

    public ForAdministeringTenants tenants() {
        return tenants;
    }

    public ForAuthenticatingTenants authentication() {
        return tenants;
    }

    public ForCheckingHealth health() {
        return health;
    }

    /**
     * Publishes inside the host's own open transaction on {@code connection} (a connection to the database Herald
     * uses): the event and its deliveries commit or roll back with the host's work. Herald neither commits nor
     * closes the connection.
     */
    public PublishedEvent publish(Connection connection, TenantId tenant, PublishEvent command) {
        return persistence.transactions().onHostConnection(connection, () -> events.publish(tenant, command));
    }

    /**
     * Starts this node's delivery workers (once; later calls do nothing while they run). On an H2 file this first
     * rebuilds the queue from the delivery log, so call it before this node starts publishing.
     */
    public synchronized void startDelivering() {
        if (!dispatcher.isRunning()) {
            persistence.recoverQueueOnStart();
            dispatcher.start();
        }
    }

    /** Stops claiming work, lets sends in flight finish for up to {@code grace}, gives back the rest. */
    public void stopDelivering(Duration grace) {
        dispatcher.stop(grace);
    }

    /** This node's delivery worker. */
    public DeliveryDispatcher dispatcher() {
        return dispatcher;
    }

    /** Stops delivering (in-flight sends get {@link #STOP_GRACE}) and closes the connection pool Herald opened. */
    @Override
    public void close() {
        stopDelivering(STOP_GRACE);
        finishNotices();
        persistence.close();
    }

    /** Lets the notices already decided go out (briefly) before the database goes away. */
    private void finishNotices() {
        notices.shutdown();
        try {
            notices.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings for an embedded Herald; defaults as in docs/API.md §8.1. */
    public static final class Builder {
        private String jdbcUrl = HeraldConfig.DEFAULT_DB_URL;
        private String user = "";
        private String password = "";
        private DataSource dataSource;
        private boolean allowHttp;
        private boolean allowPrivateNetworks;
        private RetrySchedule retrySchedule = RetrySchedule.DEFAULT;
        private Duration connectTimeout = OutboundHttpSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration deliveryTimeout = OutboundHttpSettings.DEFAULT_REQUEST_TIMEOUT;
        private Optional<HeraldConfig.Smtp> smtp = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private DispatcherSettings dispatcher = DispatcherSettings.DEFAULT;
        private TenantLimits tenantLimits = TenantLimits.DEFAULT;
        private ForSendingHttp httpSender;
        private ForNotifyingOwners ownerNotifier;

        private Builder() {
        }

        /** Herald opens its own pool on this H2 or PostgreSQL database. */
        public Builder database(String jdbcUrl, String user, String password) {
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            return this;
        }

        /** Herald uses the host's pool (and can then join the host's transactions); the host closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder allowHttp(boolean allow) {
            this.allowHttp = allow;
            return this;
        }

        public Builder allowPrivateNetworks(boolean allow) {
            this.allowPrivateNetworks = allow;
            return this;
        }

        public Builder retrySchedule(RetrySchedule schedule) {
            this.retrySchedule = schedule;
            return this;
        }

        public Builder timeouts(Duration connect, Duration delivery) {
            this.connectTimeout = connect;
            this.deliveryTimeout = delivery;
            return this;
        }

        public Builder smtp(Optional<HeraldConfig.Smtp> smtp) {
            this.smtp = smtp;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder dispatcher(DispatcherSettings settings) {
            this.dispatcher = settings;
            return this;
        }

        /** What one tenant may ask: webhooks, subscribers per event type, bytes one publish sends. */
        public Builder tenantLimits(TenantLimits limits) {
            this.tenantLimits = limits;
            return this;
        }

        /** Replaces the outbound HTTP adapter (e.g. a test double). */
        public Builder httpSender(ForSendingHttp sender) {
            this.httpSender = sender;
            return this;
        }

        /** Replaces the owner notification adapter (e.g. a test double). */
        public Builder ownerNotifier(ForNotifyingOwners notifier) {
            this.ownerNotifier = notifier;
            return this;
        }

        public Herald build() {
            return new Herald(this);
        }
    }
}
