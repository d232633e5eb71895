package dev.herald.application.service;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * What the core runs on besides its ports: the clock, the jitter of retry delays, the executor failure notices are
 * sent on (off the delivery threads), and the User-Agent of deliveries. Tests pass a fake clock, a seeded random and
 * {@code Runnable::run}.
 */
public record CoreRuntime(Clock clock, RandomGenerator jitter, Executor notices, String userAgent) {
    public CoreRuntime {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
