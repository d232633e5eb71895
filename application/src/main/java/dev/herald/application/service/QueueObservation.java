package dev.herald.application.service;

import dev.herald.application.port.in.ForObservingQueue;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.endpoint.CircuitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The queue's size and lag, and the endpoints' state, as the metrics show them (docs/API.md §8.5). */
final class QueueObservation implements ForObservingQueue {
    private final ForQueueingDeliveries queue;
    private final Clock clock;
    private final CircuitBreaker breaker;

    QueueObservation(ForQueueingDeliveries queue, Clock clock, CircuitBreaker breaker) {
        this.queue = queue;
        this.clock = clock;
        this.breaker = breaker;
    }

    @Override
    public EndpointLoad endpoints() {
        Instant now = Now.of(clock);
        // A breaker that never opens asks for no endpoint's health.
        int failures = breaker.failuresToOpen() == 0 ? Integer.MAX_VALUE : breaker.failuresToOpen();
        ForQueueingDeliveries.EndpointCensus census = queue.endpointCensus(failures);
        return new EndpointLoad(census.disabledWebhooks(),
                census.failing().stream().filter(h -> breaker.state(h, now) != CircuitState.CLOSED).count());
    }

    @Override
    public QueueLoad load() {
        Instant now = Now.of(clock);
        ForQueueingDeliveries.Backlog backlog = queue.backlog(now);
        return new QueueLoad(backlog.unfinished(),
                backlog.oldestDue().map(due -> Duration.between(due, now)).orElse(Duration.ZERO));
    }
}
