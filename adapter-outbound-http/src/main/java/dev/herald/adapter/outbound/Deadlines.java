package dev.herald.adapter.outbound;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Puts a hard limit on asynchronous work: the returned future fails with {@link DeadlineExceededException} when the
 * limit passes, and the work is cancelled. The JDK's own request timeout stops at the response headers; this one
 * also covers a body that trickles in.
 */
final class Deadlines {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Deadlines() {
    }

    static <T> CompletableFuture<T> within(CompletableFuture<T> work, Duration limit, String error) {
        CompletableFuture<T> limited = work.copy();
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            if (limited.completeExceptionally(new DeadlineExceededException(error))) {
                work.cancel(true);
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        limited.whenComplete((result, failure) -> alarm.cancel(false));
        return limited;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.named("herald-http-deadline"));
        timer.setRemoveOnCancelPolicy(true); // finished sends must not leave their alarms queued
        return timer;
    }
}
