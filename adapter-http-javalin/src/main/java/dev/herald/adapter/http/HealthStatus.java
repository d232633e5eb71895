package dev.herald.adapter.http;

/** The body of {@code GET /health}. */
record HealthStatus(String status) {
    static final HealthStatus UP = new HealthStatus("UP");
    static final HealthStatus DOWN = new HealthStatus("DOWN");
}
