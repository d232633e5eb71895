package dev.herald.bootstrap;

import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.application.port.in.ForAdministeringTenants;
import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.application.port.in.ForCheckingHealth;
import dev.herald.application.port.in.ForDiscoveringEventTypes;
import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.application.port.in.ForObservingQueue;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.in.ForPublishingEvents.PublishedEvent;
import dev.herald.application.port.in.ForPublishingEvents;
import dev.herald.application.service.DeliveryDispatcher;
import dev.herald.application.service.HeraldCore;
import dev.herald.domain.tenant.TenantId;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

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
    /** This build's version, the Maven project's. */
    public static final String VERSION = HeraldVersion.read();
    /** The User-Agent of every delivery. */
    public static final String USER_AGENT = "Herald/" + VERSION;

    private final JdbiPersistence persistence;
    private final HeraldCore core;
    private final ExecutorService notices;
    private final Duration stopGrace;

    Herald(JdbiPersistence persistence, HeraldCore core, ExecutorService notices, Duration stopGrace) {
        this.persistence = persistence;
        this.core = core;
        this.notices = notices;
        this.stopGrace = stopGrace;
    }

    /** A builder with every setting at its default (see {@code HeraldSettings}); nothing opens until its build. */
    public static HeraldBuilder builder() {
        return new HeraldBuilder();
    }

    /** Creating, changing, listing and deleting webhooks, and rotating their secrets. */
    public ForManagingWebhooks webhooks() {
        return core.webhooks();
    }

    /** Publishing events: each becomes one delivery per subscribed webhook, sent by the delivery workers. */
    public ForPublishingEvents events() {
        return core.events();
    }

    /** The event-type catalog (descriptions, examples, JSON Schemas), and an example sent to one webhook. */
    public ForDiscoveringEventTypes eventTypes() {
        return core.eventTypes();
    }

    /** Reading deliveries and their attempts, and sending one again by hand. */
    public ForInspectingDeliveries deliveries() {
        return core.deliveries();
    }

    /** Creating tenants and rotating their API keys. */
    public ForAdministeringTenants tenants() {
        return core.tenants();
    }

    /** Checking a tenant's name and API key, as the HTTP API does for each request. */
    public ForAuthenticatingTenants authentication() {
        return core.authentication();
    }

    /** Whether Herald's database answers. */
    public ForCheckingHealth health() {
        return core.health();
    }

    /** How far behind delivery is: unfinished deliveries and the oldest due one's wait (docs/API.md §8.5). */
    public ForObservingQueue queue() {
        return core.queue();
    }

    /**
     * Publishes inside the host's own open transaction on {@code connection} (a connection to the database Herald
     * uses): the event and its deliveries commit or roll back with the host's work. Herald neither commits nor
     * closes the connection.
     */
    public PublishedEvent publish(Connection connection, TenantId tenant, PublishEvent command) {
        return persistence.transactions().onHostConnection(connection, () -> core.events().publish(tenant, command));
    }

    /**
     * Re-encrypts every webhook signing secret not yet under the current encryption key, in batches, and returns how
     * many values it rewrote (docs/API.md §8.7, key rotation); the retired keys can be dropped afterwards.
     */
    public int reencryptSecrets() {
        return persistence.reencryptSecrets();
    }

    /**
     * Starts this node's delivery workers (once; later calls do nothing while they run). On an H2 file this first
     * rebuilds the queue from the delivery log, so call it before this node starts publishing.
     */
    public synchronized void startDelivering() {
        DeliveryDispatcher dispatcher = core.dispatcher();
        if (!dispatcher.isRunning()) {
            persistence.recoverQueueOnStart();
            dispatcher.start();
            core.historyPurge().start();
        }
    }

    /**
     * Stops claiming work, lets sends in flight finish for up to {@code grace}, gives back the rest; the retention
     * rounds stop too.
     */
    public void stopDelivering(Duration grace) {
        core.historyPurge().stop();
        core.dispatcher().stop(grace);
    }

    /** Stops delivering (in-flight sends get the stop grace, 20 s by default) and closes the pool Herald opened. */
    @Override
    public void close() {
        stopDelivering(stopGrace);
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
}
