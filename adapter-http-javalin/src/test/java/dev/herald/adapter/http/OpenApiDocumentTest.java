package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.javalin.Javalin;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * openapi.json (docs/API.md §10) is a valid OpenAPI 3.1 document and describes exactly the routes the server
 * registers: a route added to the code and not to the document, or one documented that the server does not serve,
 * fails here by its name. Whether real answers fit its schemas is {@link OpenApiResponsesTest}'s.
 */
class OpenApiDocumentTest {
    private final OpenApiContract contract = new OpenApiContract();

    @Test
    void itParsesAndValidatesAsOpenApi31WithoutAnyMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        SwaggerParseResult result = new OpenAPIParser().readContents(contract.text, null, options);

        assertEquals(List.of(), result.getMessages(), "swagger-parser's errors and warnings");
        assertNotNull(result.getOpenAPI(), "no document parsed");
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        Set<String> registered = registeredRoutes();
        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(contract.operations());

        assertFalse(registered.isEmpty(), "no routes found: has Javalin's router moved?");
        assertEquals(Set.of(), undocumented,
                "routes the server registers that openapi.json does not describe (add each under \"paths\")");
    }

    @Test
    void everyDocumentedRouteIsRegistered() {
        Set<String> unserved = new TreeSet<>(contract.operations());
        unserved.removeAll(registeredRoutes());

        assertEquals(Set.of(), unserved, "operations in openapi.json that the server does not register");
    }

    /** {@code METHOD /path} of every route of Herald's own server with the admin API on, as Javalin holds them. */
    static Set<String> registeredRoutes() {
        AtomicReference<HttpApiPorts> ports = new AtomicReference<>();
        try (HttpApiFixture ignored = HttpApiFixture.start(real -> {
            ports.set(real);
            return real;
        })) {
            Javalin app = HeraldHttpApi.create(ports.get(),
                    HttpApiSettings.defaults().withAdminKey(HttpApiFixture.ADMIN_KEY));
            Set<String> routes = new TreeSet<>();
            // Routes only: a before-filter (the HEAD credentials check) is not an operation.
            app.unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(handler -> handler.endpoint.method.isHttpMethod())
                    .forEach(handler -> routes.add(handler.endpoint.method.name() + " " + handler.endpoint.path));
            return routes;
        }
    }
}
