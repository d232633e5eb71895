package dev.herald.adapter.http;

/** Good credentials that may not do this (a portal session opening another, docs/API.md §2.4): answered 403. */
final class ForbiddenException extends RuntimeException {
    ForbiddenException(String message) {
        super(message);
    }
}
