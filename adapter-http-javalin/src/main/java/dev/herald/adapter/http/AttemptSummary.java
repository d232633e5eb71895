package dev.herald.adapter.http;

import dev.herald.domain.delivery.Attempt;

/** One attempt of a delivery, as listed in {@code attempts} (docs/API.md §6.8). */
record AttemptSummary(int number, String date, Integer status, String error, long durationMs) {
    static AttemptSummary from(Attempt attempt) {
        return new AttemptSummary(attempt.number(), ApiTime.of(attempt.date()), attempt.status().orElse(null),
                attempt.error().orElse(null), attempt.durationMs());
    }
}
