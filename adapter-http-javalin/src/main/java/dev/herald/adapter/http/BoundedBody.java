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
    /**
     * How much of a refused body is read and thrown away before the 413. A client that sends its whole body before
     * reading the answer (curl under 1 MiB, java.net.http) would otherwise see the connection reset instead of the
     * 413 (docs/API.md, §9). Beyond this the connection is simply closed.
     */
    static final long DRAINED_AT_MOST = 4L << 20;

    private BoundedBody() {
    }

    static byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared > limit) {
                throw tooLarge(in, declared <= DRAINED_AT_MOST, limit);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(in, true, limit);
            }
            return bytes;
        } catch (IOException brokenOff) {
            // The client's doing: malformed chunked encoding, a body cut short, or too slow (RequestReceiveTimeout).
            throw new BadRequestResponse();
        }
    }

    private static BodyTooLargeException tooLarge(InputStream in, boolean drain, long limit) {
        if (drain) {
            try {
                long left = DRAINED_AT_MOST;
                byte[] sink = new byte[8192];
                for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                    left -= n;
                }
            } catch (IOException ignored) {
                // The answer is 413 whatever happens to the rest of the body.
            }
        }
        return new BodyTooLargeException(limit);
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
