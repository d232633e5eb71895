package dev.herald.adapter.http;

/** Every error answer but 422: {@code {"detail": "..."}}. */
record ErrorBody(String detail) {
}
