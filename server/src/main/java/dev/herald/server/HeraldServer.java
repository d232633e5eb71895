package dev.herald.server;

import dev.herald.adapter.http.HeraldHttpApi;
import dev.herald.adapter.http.HttpApiPorts;
import dev.herald.adapter.http.HttpApiSettings;
import dev.herald.adapter.mail.SmtpOwnerNotifier;
import dev.herald.adapter.metrics.MicrometerMetrics;
import dev.herald.bootstrap.Herald;
import dev.herald.bootstrap.HeraldBuilder;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/** The standalone server: Herald behind its HTTP API, delivering while it runs. */
public final class HeraldServer implements AutoCloseable {
    private final Herald herald;
    private final Javalin app;
    private final Optional<LocalServerFile> localServerFile;

    private HeraldServer(Herald herald, Javalin app, Optional<LocalServerFile> localServerFile) {
        this.herald = herald;
        this.app = app;
        this.localServerFile = localServerFile;
    }

    /**
     * Opens the database, starts the HTTP API on the configured port and the delivery workers. On an H2 file, which
     * only this process can open, it also tells the CLI how to reach its admin API ({@link LocalServerFile}); the
     * admin API then runs even without {@code HERALD_ADMIN_KEY}, under a random key only that owner-only file holds.
     */
    public static HeraldServer start(HeraldConfig config) {
        Optional<PrometheusMeterRegistry> registry = config.metrics().enabled()
                ? Optional.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)) : Optional.empty();
        registry.ifPresent(MicrometerMetrics::bindJvmAndProcess);
        Optional<MetricsEndpoint> metrics = registry.map(r -> new MetricsEndpoint(r, config.metrics().token()));
        Herald herald = herald(config, registry);
        try {
            Optional<LocalServerFile> localServerFile = LocalServerFile.forDatabase(config.dbUrl());
            Optional<String> adminKey = config.adminKey()
                    .or(() -> localServerFile.map(file -> LocalServerFile.newAdminKey()));
            Javalin app = HeraldHttpApi.create(
                    new HttpApiPorts(herald.webhooks(), herald.events(), herald.deliveries(), herald.authentication(),
                            herald.tenants(), herald.health(), herald.eventTypes()),
                    HttpApiSettings.from(config.settings(), adminKey)
                            .withPortalFrameAncestors(config.portalFrameAncestors()),
                    javalin -> metrics.ifPresent(endpoint -> endpoint.register(javalin)));
            herald.startDelivering(); // first: on H2 it rebuilds the queue, which no publish may race
            app.start(config.port());
            localServerFile.ifPresent(file -> file.write(new LocalServerFile.Endpoint(app.port(), adminKey.get())));
            return new HeraldServer(herald, app, localServerFile);
        } catch (RuntimeException e) {
            herald.close();
            throw e;
        }
    }

    /** Herald configured as the server is, not yet delivering: for the server and the CLI's tenant commands. */
    static Herald herald(HeraldConfig config) {
        return herald(config, Optional.empty());
    }

    private static Herald herald(HeraldConfig config, Optional<? extends MeterRegistry> registry) {
        HeraldBuilder builder = Herald.builder()
                .database(config.dbUrl(), config.dbUser(), config.dbPassword())
                .settings(config.settings());
        registry.ifPresent(builder::meterRegistry);
        config.encryptionKeys().ifPresent(builder::encryptionKeys); // else secrets in clear text, with a warning
        config.smtp().ifPresent(smtp -> builder.ownerNotifier(new SmtpOwnerNotifier(smtp))); // else to the log
        return builder.build();
    }

    /** The port the HTTP API listens on (the one chosen, when configured as 0). */
    public int port() {
        return app.port();
    }

    /** The Herald behind the API. */
    public Herald herald() {
        return herald;
    }

    /** Stops taking requests, then stops delivering (in-flight sends finish or go back to the queue). */
    @Override
    public void close() {
        localServerFile.ifPresent(LocalServerFile::delete);
        app.stop();
        herald.close();
    }
}
