package dev.herald.adapter.http;

/** A request body over the endpoint's limit; answered 413. */
final class BodyTooLargeException extends RuntimeException {
    BodyTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes");
    }
}
