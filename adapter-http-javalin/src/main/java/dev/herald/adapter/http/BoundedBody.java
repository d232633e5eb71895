package dev.herald.adapter.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, refusing more than a limit: by the declared Content-Length before reading, and by the bytes
 * actually read, since a chunked body declares no length. A body that cannot be read is a 400.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    static byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new BodyTooLargeException(limit);
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limit + 1));
            if (bytes.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return bytes;
        } catch (IOException brokenOff) {
            // The client's doing: malformed chunked encoding, a body cut short, or too slow (RequestReceiveTimeout).
            throw new BadRequestResponse();
        }
    }

    /** Whether a body holds nothing but white space (an omitted optional body). */
    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
