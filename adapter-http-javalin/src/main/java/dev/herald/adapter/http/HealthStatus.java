package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code GET /health}: {@code {"status":"UP"}}, or {@code {"status":"DOWN","database":"…"}} saying what is
 * wrong with the database (docs/API.md §8.3).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HealthStatus(String status, String database) {
    static final HealthStatus UP = new HealthStatus("UP", null);

    static HealthStatus down(String databaseProblem) {
        return new HealthStatus("DOWN", databaseProblem);
    }
}
