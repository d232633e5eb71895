package dev.herald.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * How a newcomer finds the API (docs/API.md §10), without authentication: {@code GET /openapi.json}, the OpenAPI
 * document kept in this module's resources; {@code GET /docs}, Swagger UI from its webjar, served by Herald itself so
 * it works offline; and {@code GET /}, a short landing answer linking to both and to {@code /health}.
 */
final class JavalinDiscoveryRoutes {
    static final String OPENAPI_RESOURCE = "/dev/herald/adapter/http/openapi.json";
    /** Swagger UI's own files, at the version this module depends on (the webjar's folder names it). */
    static final String SWAGGER_UI_RESOURCES = "/META-INF/resources/webjars/swagger-ui/5.34.1";
    private static final Set<String> SWAGGER_UI_FILES =
            Set.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png");
    /**
     * The /docs page loads only its own scripts and styles; Swagger UI sets inline style attributes and shows
     * images as data: URIs, so those two are allowed here and nowhere else.
     */
    static final String DOCS_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    /** Javalin's static files would say {@code max-age=0}; every answer of Herald says no-store (docs/API.md §1). */
    private static final Map<String, String> KEEP_THE_STANDARD_CACHE_CONTROL = Map.of("Cache-Control", "no-store");
    private static final String HTML = "text/html; charset=utf-8";

    private final byte[] openApi = resource(OPENAPI_RESOURCE);
    private final byte[] docsPage = resource("/dev/herald/adapter/http/docs/index.html");
    private final byte[] landingPage = resource("/dev/herald/adapter/http/docs/landing.html");

    void register(JavalinConfig config) {
        config.routes.get("/", this::landing);
        config.routes.get("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(openApi));
        config.routes.get("/docs", ctx -> ctx.header("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY)
                .contentType(HTML).result(docsPage));
        // Files, not routes: only the few the page loads, from the webjar and from this module.
        config.staticFiles.add(files -> {
            files.hostedPath = "/docs/swagger-ui";
            files.directory = SWAGGER_UI_RESOURCES;
            files.location = Location.CLASSPATH;
            files.skipFileFunction = request -> !SWAGGER_UI_FILES.contains(fileName(request.getRequestURI()));
            files.headers = KEEP_THE_STANDARD_CACHE_CONTROL;
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/docs/herald";
            files.directory = "/dev/herald/adapter/http/docs/static";
            files.location = Location.CLASSPATH;
            files.headers = KEEP_THE_STANDARD_CACHE_CONTROL;
        });
    }

    /** HTML for a browser (it asks for text/html), a small JSON object for every other client. */
    private void landing(Context ctx) {
        ctx.header("Vary", "Accept");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.contentType(HTML).result(landingPage);
        } else {
            Json.ok(ctx, new Landing("Herald",
                    "Webhook delivery: register endpoints, publish events, inspect and re-send deliveries.",
                    Map.of("docs", "/docs", "openapi", "/openapi.json", "health", "/health")));
        }
    }

    /** The landing answer as JSON, described by the {@code Landing} schema of openapi.json. */
    private record Landing(String name, String description, Map<String, String> links) {
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static byte[] resource(String name) {
        try (InputStream in = JavalinDiscoveryRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
