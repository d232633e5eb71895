package dev.herald.adapter.http;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The headers of every answer, Jetty's own error answers included: a Server header without a version, no content
 * sniffing, nothing cached (answers carry webhook secrets and API keys), and a Content-Security-Policy that lets a
 * page load nothing and be framed nowhere (only /docs widens it, for Swagger UI, and /portal for its own files:
 * docs/API.md §11, §12). As a Jetty customizer they are set before
 * any handler runs, so no route or error path can miss them.
 */
final class StandardResponseHeaders implements HttpConfiguration.Customizer {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final List<HttpField> FIELDS = List.of(
            new PreEncodedHttpField(HttpHeader.SERVER, "Herald"),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store"),
            new PreEncodedHttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY));

    static void putInto(HttpFields.Mutable headers) {
        FIELDS.forEach(headers::put);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        putInto(responseHeaders);
        return request;
    }
}
