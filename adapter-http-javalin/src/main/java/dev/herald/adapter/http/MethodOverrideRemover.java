package dev.herald.adapter.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Removes {@code X-HTTP-Method-Override} before Javalin sees the request. Javalin routes by that header when present
 * (its {@code Context.method()} reads it) and has no setting to turn this off, so a POST could act as a DELETE; only
 * the method on the request line counts.
 */
final class MethodOverrideRemover implements HttpConfiguration.Customizer {
    static final String HEADER = "X-HTTP-Method-Override";

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!request.getHeaders().contains(HEADER)) {
            return request;
        }
        HttpFields without = HttpFields.build(request.getHeaders()).remove(HEADER).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return without;
            }
        };
    }
}
