package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.domain.tenant.TenantId;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;

/**
 * The tenant portal (docs/API.md §2.4, §12): {@code POST /v1/portal/session}, which mints a short-lived link for one
 * tenant, and {@code GET /portal}, the page itself, with its own scripts and styles from this module's resources. The
 * page calls only the documented {@code /v1} routes, with the session's bearer token or the tenant's own key.
 */
final class JavalinPortalRoutes {
    static final String PAGE = "/portal";
    static final String STATIC_FILES = "/dev/herald/adapter/http/portal/static";
    private static final Map<String, String> KEEP_THE_STANDARD_CACHE_CONTROL = Map.of("Cache-Control", "no-store");

    private JavalinPortalRoutes() {
    }

    /** The session route, part of the tenant API (and of {@link HeraldHttpApi#mount}). */
    static void registerApi(RoutesConfig routes, ForAuthenticatingTenants authentication, TenantAuthentication auth,
                            long maxBodyBytes) {
        routes.post("/v1/portal/session", auth.authenticatedByKey((Context ctx, TenantId tenant) -> {
            PortalSessionRequest request = PortalSessionRequest.from(JsonFields.ofOptional(ctx, maxBodyBytes));
            Json.ok(ctx, PortalSessionSummary.from(authentication.openPortalSession(tenant, request.lifetime())));
        }));
    }

    /** The page, on Herald's own server only: a host that mounts the routes builds its own screens. */
    static void registerPage(JavalinConfig config, List<String> frameAncestors) {
        byte[] page = JavalinDiscoveryRoutes.resource("/dev/herald/adapter/http/portal/index.html");
        String policy = contentSecurityPolicy(frameAncestors);
        config.routes.get(PAGE, ctx -> ctx.header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .contentType("text/html; charset=utf-8").result(page));
        config.staticFiles.add(files -> {
            files.hostedPath = PAGE + "/static";
            files.directory = STATIC_FILES;
            files.location = Location.CLASSPATH;
            files.headers = KEEP_THE_STANDARD_CACHE_CONTROL;
        });
    }

    /**
     * Scripts, styles and requests from this server only, nothing inline; framed only by the operator's origins
     * (HERALD_PORTAL_FRAME_ANCESTORS), else nowhere.
     */
    static String contentSecurityPolicy(List<String> frameAncestors) {
        String ancestors = frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "frame-ancestors " + ancestors + "; base-uri 'none'; form-action 'none'";
    }
}
