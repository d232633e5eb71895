package dev.herald.adapter.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach a route (a malformed path such as {@code %00}, an oversized header, an
 * HTTP/2 preface) still get a JSON {@code {"detail": "..."}} answer, with the standard headers, instead of Jetty's
 * HTML page or an empty body.
 */
final class JettyJsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);

    /** Jetty writes a body only for GET, POST and HEAD; every answer of the API has one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        StandardResponseHeaders.putInto(response.getHeaders());
        response.getHeaders().put(JSON_TYPE);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        StandardResponseHeaders.putInto(fields);
        fields.put(JSON_TYPE);
        return body(status);
    }

    /** Only the standard reason: Jetty's own message could echo request details. */
    private static ByteBuffer body(int status) {
        return ByteBuffer.wrap(Json.bytes(new ErrorBody(HttpStatus.getMessage(status))));
    }
}
