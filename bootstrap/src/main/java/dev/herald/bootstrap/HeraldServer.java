package dev.herald.bootstrap;

import dev.herald.adapter.http.HeraldHttpApi;
import dev.herald.adapter.http.HttpApiPorts;
import dev.herald.adapter.http.HttpApiSettings;
import io.javalin.Javalin;
import java.time.Duration;

/** The standalone server: Herald behind its HTTP API, delivering while it runs. */
public final class HeraldServer implements AutoCloseable {
    /** How long a stopping server lets deliveries in flight finish before giving them back to the queue. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Herald herald;
    private final Javalin app;

    private HeraldServer(Herald herald, Javalin app) {
        this.herald = herald;
        this.app = app;
    }

    /** Opens the database, starts the HTTP API on the configured port and the delivery workers. */
    public static HeraldServer start(HeraldConfig config) {
        Herald herald = Herald.fromConfig(config);
        try {
            Javalin app = HeraldHttpApi.create(
                    new HttpApiPorts(herald.webhooks(), herald.events(), herald.deliveries(), herald.authentication(),
                            herald.tenants(), herald.health()),
                    new HttpApiSettings(config.adminKey(), config.maxEventBytes(),
                            HttpApiSettings.DEFAULT_MAX_BODY_BYTES, Herald.VERSION));
            app.start(config.port());
            herald.startDelivering();
            return new HeraldServer(herald, app);
        } catch (RuntimeException e) {
            herald.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public Herald herald() {
        return herald;
    }

    /** Stops taking requests, then stops delivering (in-flight sends finish or go back to the queue). */
    @Override
    public void close() {
        app.stop();
        herald.stopDelivering(STOP_GRACE);
        herald.close();
    }
}
