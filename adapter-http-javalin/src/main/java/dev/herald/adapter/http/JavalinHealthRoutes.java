package dev.herald.adapter.http;

import dev.herald.application.port.in.ForCheckingHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /health}, without authentication: 200 when the database answers, 503 otherwise. */
final class JavalinHealthRoutes {
    private final ForCheckingHealth health;

    JavalinHealthRoutes(ForCheckingHealth health) {
        this.health = health;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::check);
    }

    private void check(Context ctx) {
        boolean up = health.isHealthy();
        Json.respond(ctx, up ? 200 : 503, up ? HealthStatus.UP : HealthStatus.DOWN);
    }
}
