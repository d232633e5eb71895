package dev.herald.bootstrap;

import dev.herald.adapter.http.HeraldHttpApi;
import dev.herald.adapter.http.HttpApiPorts;
import dev.herald.adapter.http.HttpApiSettings;
import io.javalin.Javalin;

/** The standalone server: Herald behind its HTTP API, delivering while it runs. */
public final class HeraldServer implements AutoCloseable {
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
                            HttpApiSettings.DEFAULT_MAX_BODY_BYTES, config.requestTimeout()));
            herald.startDelivering(); // first: on H2 it rebuilds the queue, which no publish may race
            app.start(config.port());
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
        herald.close();
    }
}
