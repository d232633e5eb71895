package dev.herald.application.service;

import dev.herald.application.config.DispatcherSettings;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The dispatcher's send slots: at most {@code maxInFlight} sends open at once, taken for a claim a batch at a time. */
final class SendSlots {
    private final Semaphore free;
    private final int batch;
    private final long pollMillis;

    SendSlots(DispatcherSettings settings) {
        this.free = new Semaphore(settings.maxInFlight());
        this.batch = Math.min(settings.batchSize(), settings.maxInFlight());
        this.pollMillis = settings.pollInterval().toMillis();
    }

    /** Waits up to a poll interval for one free slot, then takes up to a batch of them; how many (0 when none came). */
    int take() throws InterruptedException {
        if (!free.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int wanted = batch - 1;
        int more = free.drainPermits();
        if (more < wanted / 2) {
            // Most sends are still out: let a few more finish, then claim for all of them in one transaction.
            Thread.sleep(DeliveryDispatcher.GATHER.toMillis());
            more += free.drainPermits();
        }
        if (more > wanted) {
            free.release(more - wanted);
            more = wanted;
        }
        return 1 + more;
    }

    void release(int slots) {
        free.release(slots);
    }
}
