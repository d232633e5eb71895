package dev.herald.adapter.http;

import dev.herald.application.port.in.ForCheckingHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code GET /health}, without authentication: 200 when the database answers, 503 with the reason otherwise. */
final class JavalinHealthRoutes {
    private final ForCheckingHealth health;

    JavalinHealthRoutes(ForCheckingHealth health) {
        this.health = health;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::check);
    }

    private void check(Context ctx) {
        Optional<String> problem = health.databaseProblem();
        if (problem.isEmpty()) {
            Json.respond(ctx, 200, HealthStatus.UP);
        } else {
            // Not logged: load balancers ask every few seconds; the failing calls and the workers say it already.
            ctx.header("Retry-After", JavalinErrorMapping.UNAVAILABLE_RETRY_AFTER_SECONDS);
            Json.respond(ctx, 503, HealthStatus.down(problem.get()));
        }
    }
}
