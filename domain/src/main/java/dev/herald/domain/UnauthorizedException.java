package dev.herald.domain;

/** Missing or wrong credentials. One message whatever the cause, so nothing is revealed about who exists. */
public class UnauthorizedException extends HeraldException {
    public UnauthorizedException() {
        super("Invalid or missing TENANT or API-KEY header");
    }

    public UnauthorizedException(String message) {
        super(message);
    }
}
