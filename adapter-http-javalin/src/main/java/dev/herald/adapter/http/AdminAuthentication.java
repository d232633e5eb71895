package dev.herald.adapter.http;

import dev.herald.domain.Sha256;
import dev.herald.domain.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The ADMIN-KEY header of the admin routes (docs/API.md §2.2), compared in constant time; an address failing too often
 * is refused before its key is looked at.
 */
final class AdminAuthentication {
    static final String ADMIN_KEY_HEADER = "ADMIN-KEY";

    private final byte[] expectedDigest;
    private final FailedAttemptThrottle throttle;

    AdminAuthentication(String adminKey, FailedAttemptThrottle throttle) {
        this.expectedDigest = Sha256.of(adminKey);
        this.throttle = throttle;
    }

    Handler authenticated(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    private void check(Context ctx) {
        String client = ClientAddress.of(ctx);
        throttle.checkAllowed(client);
        String presented = ctx.header(ADMIN_KEY_HEADER);
        // Comparing digests keeps the time independent of both the content and the length of the key.
        if (!Sha256.sameDigest(expectedDigest, presented)) {
            throttle.recordFailure(client);
            throw new UnauthorizedException("Invalid or missing ADMIN-KEY header");
        }
    }
}
