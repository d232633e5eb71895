package dev.herald.adapter.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** Builds Herald's HTTP API (docs/API.md) as an unstarted Javalin app: the caller picks the port and starts it. */
public final class HeraldHttpApi {
    /** Failed admin keys allowed per client address and window: an operator mistyping gets a few tries. */
    static final int ADMIN_FAILURES_PER_WINDOW = 10;
    /** Failed tenant credentials allowed per client address and window: many tenants may share one NAT address. */
    static final int TENANT_FAILURES_PER_WINDOW = 50;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private HeraldHttpApi() {
    }

    /** Herald's own server: its routes with its response headers, error pages, body limit and slow-client timeout. */
    public static Javalin create(HttpApiPorts ports, HttpApiSettings settings) {
        return create(ports, settings, Clock.systemUTC());
    }

    /**
     * Herald's own server with the server's own additions, e.g. {@code GET /metrics} (docs/API.md §8.5): routes outside
     * the tenant API, which its OpenAPI document does not describe.
     */
    public static Javalin create(HttpApiPorts ports, HttpApiSettings settings, Consumer<JavalinConfig> additions) {
        return Javalin.create(config -> {
            configure(config, ports, settings, Clock.systemUTC());
            additions.accept(config);
        });
    }

    /** With the clock that times failed-authentication windows (a test moves it instead of waiting). */
    static Javalin create(HttpApiPorts ports, HttpApiSettings settings, Clock clock) {
        return Javalin.create(config -> configure(config, ports, settings, clock));
    }

    private static void configure(JavalinConfig config, HttpApiPorts ports, HttpApiSettings settings, Clock clock) {
        config.startup.showJavalinBanner = false;
        config.http.defaultContentType = Json.CONTENT_TYPE;
        config.http.prefer405over404 = true;
        // Bodies are read with their own per-endpoint limits (BoundedBody); this is only Javalin's outer bound.
        config.http.maxRequestSize = Math.max(settings.maxEventBytes(), settings.maxBodyBytes());
        config.jetty.modifyHttpConfiguration(http -> {
            // Jetty names itself nowhere; the Server header is StandardResponseHeaders' alone.
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            http.addCustomizer(new MethodOverrideRemover());
            http.addCustomizer(new StandardResponseHeaders());
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyJsonErrorHandler());
            server.insertHandler(new RequestReceiveTimeout(settings.requestTimeout()));
        });

        mountRoutes(config, ports, settings, clock);
        // The server's own front door; a host that mounts Herald's routes keeps its own / and its own docs.
        new JavalinDiscoveryRoutes().register(config);
        JavalinPortalRoutes.registerPage(config, settings.portalFrameAncestors());
    }

    /**
     * Mounts Herald's routes (and its JSON error answers) in a host's own Javalin app, e.g. under the host's
     * authentication filters. The host's server keeps its own settings: Herald's per-endpoint body limits still apply
     * within the host's {@code maxRequestSize}, and so does the tenant rate limit; the slow-client timeout, response
     * headers and error pages of {@link #create} are the host's to choose. Herald's error mapping also answers the
     * host's unhandled exceptions.
     */
    public static void mount(JavalinConfig config, HttpApiPorts ports, HttpApiSettings settings) {
        mountRoutes(config, ports, settings, Clock.systemUTC());
    }

    private static void mountRoutes(JavalinConfig config, HttpApiPorts ports, HttpApiSettings settings, Clock clock) {
        TenantAuthentication tenantAuth = new TenantAuthentication(ports.authentication(),
                throttle(TENANT_FAILURES_PER_WINDOW, clock), new TenantRateLimit(settings.tenantRequestsPerSecond()));
        // Javalin answers HEAD on a GET route itself, without running the route: the credentials are checked anyway.
        Handler credentialsOnly = tenantAuth.authenticated((ctx, tenant) -> { });
        config.routes.before("/v1/*", ctx -> {
            if (ctx.method() == HandlerType.HEAD) {
                credentialsOnly.handle(ctx);
            }
        });
        new JavalinWebhookRoutes(ports.webhooks(), tenantAuth, settings.maxBodyBytes()).register(config.routes);
        new JavalinEventRoutes(ports.events(), tenantAuth, settings.maxEventBytes()).register(config.routes);
        new JavalinDeliveryRoutes(ports.deliveries(), tenantAuth).register(config.routes);
        new JavalinEventHistoryRoutes(ports.deliveries(), tenantAuth).register(config.routes);
        new JavalinEventTypeRoutes(ports.eventTypes(), tenantAuth, settings.maxBodyBytes()).register(config.routes);
        JavalinPortalRoutes.registerApi(config.routes, ports.authentication(), tenantAuth, settings.maxBodyBytes());
        settings.adminKey().ifPresent(key -> new JavalinAdminRoutes(ports.tenants(),
                new AdminAuthentication(key, throttle(ADMIN_FAILURES_PER_WINDOW, clock)), settings.maxBodyBytes())
                .register(config.routes));
        new JavalinHealthRoutes(ports.health()).register(config.routes);
        JavalinErrorMapping.register(config);
    }

    private static FailedAttemptThrottle throttle(int failuresPerWindow, Clock clock) {
        return new FailedAttemptThrottle(failuresPerWindow, FAILURE_WINDOW, FailedAttemptThrottle.MAX_TRACKED_ADDRESSES,
                clock);
    }
}
