package dev.herald.server;

import dev.herald.domain.UnauthorizedException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics} (docs/API.md §8.5): the registry in the Prometheus text format, behind a bearer token when one
 * is set; and every request the server answers timed by its route template, so no id ever becomes a label.
 */
final class MetricsEndpoint {
    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The route of a request no route matched (404, 405): one label value for all of them. */
    static final String UNMATCHED = "UNMATCHED";

    private final PrometheusMeterRegistry registry;
    private final Optional<byte[]> expectedAuthorization;

    MetricsEndpoint(PrometheusMeterRegistry registry, Optional<String> token) {
        this.registry = registry;
        this.expectedAuthorization = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    }

    void register(JavalinConfig config) {
        config.routes.get(PATH, this::scrape);
        config.requestLogger.http((ctx, millis) -> timed(ctx, millis));
    }

    private void scrape(Context ctx) {
        if (expectedAuthorization.isPresent()) {
            String given = ctx.header("Authorization");
            // Constant time: how much of the token matched must not show in how long the answer took.
            if (given == null || !MessageDigest.isEqual(expectedAuthorization.get(),
                    given.getBytes(StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new UnauthorizedException("Invalid or missing bearer token (HERALD_METRICS_TOKEN)");
            }
        }
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    private void timed(Context ctx, float millis) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder("http.server.requests")
                .description("Requests the server answered, by method, route template and status")
                .tag("method", ctx.method().name())
                .tag("route", matched == null ? UNMATCHED : matched.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
