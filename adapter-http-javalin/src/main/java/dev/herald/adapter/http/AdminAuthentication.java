package dev.herald.adapter.http;

import dev.herald.domain.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The ADMIN-KEY header of the admin routes, compared in constant time (API.md §8). */
final class AdminAuthentication {
    static final String ADMIN_KEY_HEADER = "ADMIN-KEY";

    private final byte[] expectedDigest;

    AdminAuthentication(String adminKey) {
        this.expectedDigest = sha256(adminKey);
    }

    Handler authenticated(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    private void check(Context ctx) {
        String presented = ctx.header(ADMIN_KEY_HEADER);
        // Comparing digests keeps the time independent of both the content and the length of the key.
        if (presented == null || !MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            throw new UnauthorizedException("Invalid or missing ADMIN-KEY header");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
