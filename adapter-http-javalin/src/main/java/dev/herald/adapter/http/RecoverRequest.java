package dev.herald.adapter.http;

import java.time.Instant;

/** The body of recover (docs/API.md §4.10): deliveries created at or after {@code since}. */
record RecoverRequest(Instant since) {
    static RecoverRequest from(JsonFields body) {
        Instant since = body.required("since", JsonKind.DATE_TIME);
        body.validate();
        return new RecoverRequest(since);
    }
}
