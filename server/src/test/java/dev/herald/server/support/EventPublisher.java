package dev.herald.server.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes events over HTTP from a few client threads at once and remembers the id of every event the server
 * accepted (answered 200): those are the ones Herald promised to deliver. A thread stops at its first call that
 * cannot reach the server (it was killed or stopped).
 */
public final class EventPublisher {
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger remaining;
    private final ExecutorService threads;

    private EventPublisher(int total, int threadCount) {
        this.remaining = new AtomicInteger(total);
        this.threads = Executors.newFixedThreadPool(threadCount);
    }

    /** Starts publishing {@code total} events of {@code type}, numbered in their data, from {@code threadCount} threads. */
    public static EventPublisher start(HeraldClient tenant, String type, int total, int threadCount) {
        EventPublisher publisher = new EventPublisher(total, threadCount);
        for (int i = 0; i < threadCount; i++) {
            publisher.threads.execute(() -> publisher.publishUntilDoneOrUnreachable(tenant, type));
        }
        publisher.threads.shutdown();
        return publisher;
    }

    private void publishUntilDoneOrUnreachable(HeraldClient tenant, String type) {
        for (int n = remaining.getAndDecrement(); n > 0; n = remaining.getAndDecrement()) {
            try {
                HeraldClient.Answer answer = tenant.tryPublish(type, "{\"n\":" + n + "}");
                if (answer.status() == 200) {
                    accepted.add(answer.json().get("id").asText());
                }
            } catch (UncheckedIOException serverGone) {
                return;
            }
        }
    }

    /** The ids of the events accepted so far. */
    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    public int acceptedCount() {
        return accepted.size();
    }

    /** Waits until every thread has finished or given up. */
    public void awaitStopped(Duration timeout) throws InterruptedException {
        if (!threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("publishing did not stop within " + timeout);
        }
    }
}
