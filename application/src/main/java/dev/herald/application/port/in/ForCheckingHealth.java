package dev.herald.application.port.in;

/** Whether Herald can do its work: the database answers. */
public interface ForCheckingHealth {
    boolean isHealthy();
}
