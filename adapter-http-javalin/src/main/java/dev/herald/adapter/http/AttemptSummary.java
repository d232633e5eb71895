package dev.herald.adapter.http;

import dev.herald.domain.delivery.Attempt;

/** One attempt of a delivery, as listed in {@code attempts} (docs/API.md §6.5), with the start of its answer. */
record AttemptSummary(int number, String date, Integer status, String error, long durationMs, String responseBody) {
    static AttemptSummary from(Attempt attempt) {
        return new AttemptSummary(attempt.number(), ApiTime.of(attempt.date()), attempt.status().orElse(null),
                attempt.error().orElse(null), attempt.durationMs(), attempt.responseBody().orElse(null));
    }
}
