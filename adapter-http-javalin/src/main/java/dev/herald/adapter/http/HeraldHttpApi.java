package dev.herald.adapter.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

/** Builds Herald's HTTP API (API.md) as an unstarted Javalin app: the caller picks the port and starts it. */
public final class HeraldHttpApi {
    private HeraldHttpApi() {
    }

    public static Javalin create(HttpApiPorts ports, HttpApiSettings settings) {
        return Javalin.create(config -> configure(config, ports, settings));
    }

    private static void configure(JavalinConfig config, HttpApiPorts ports, HttpApiSettings settings) {
        config.startup.showJavalinBanner = false;
        config.http.defaultContentType = Json.CONTENT_TYPE;
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrorHandler()));
        // Bodies are read with their own per-endpoint limits (BoundedBody); this is only Javalin's outer bound.
        config.http.maxRequestSize = Math.max(settings.maxEventBytes(), settings.maxBodyBytes());

        String server = "Herald/" + settings.version();
        config.routes.before(ctx -> ctx.header("Server", server));

        TenantAuthentication tenantAuth = new TenantAuthentication(ports.authentication());
        new JavalinWebhookRoutes(ports.webhooks(), tenantAuth, settings.maxBodyBytes()).register(config.routes);
        new JavalinEventRoutes(ports.events(), tenantAuth, settings.maxEventBytes()).register(config.routes);
        new JavalinDeliveryRoutes(ports.deliveries(), tenantAuth).register(config.routes);
        settings.adminKey().ifPresent(key -> new JavalinAdminRoutes(ports.tenants(), new AdminAuthentication(key),
                settings.maxBodyBytes()).register(config.routes));
        new JavalinHealthRoutes(ports.health()).register(config.routes);
        JavalinErrorMapping.register(config);
    }
}
