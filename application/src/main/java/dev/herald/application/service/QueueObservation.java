package dev.herald.application.service;

import dev.herald.application.port.in.ForObservingQueue;
import dev.herald.application.port.out.ForQueueingDeliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The queue's size and lag, as the metrics show them (docs/API.md §8.5). */
final class QueueObservation implements ForObservingQueue {
    private final ForQueueingDeliveries queue;
    private final Clock clock;

    QueueObservation(ForQueueingDeliveries queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public QueueLoad load() {
        Instant now = Now.of(clock);
        ForQueueingDeliveries.Backlog backlog = queue.backlog(now);
        return new QueueLoad(backlog.unfinished(),
                backlog.oldestDue().map(due -> Duration.between(due, now)).orElse(Duration.ZERO));
    }
}
