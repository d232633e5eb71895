package dev.herald.server.postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes events numbered {@code 0..events-1} from one thread per publisher (publisher {@code i} of {@code k} takes
 * the numbers {@code i, i+k, …}), all at once, so several nodes take writes concurrently.
 */
final class ParallelPublishing {
    /** Publishes event number {@code n} somewhere; returns only once it is stored. */
    interface Publisher {
        void publish(int n) throws Exception;
    }

    private final ExecutorService threads;
    private final List<CompletableFuture<Void>> publishers = new ArrayList<>();
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private ParallelPublishing(int publisherCount) {
        this.threads = Executors.newFixedThreadPool(publisherCount);
    }

    static ParallelPublishing start(int events, List<Publisher> publishers) {
        ParallelPublishing publishing = new ParallelPublishing(publishers.size());
        for (int i = 0; i < publishers.size(); i++) {
            int first = i;
            Publisher publisher = publishers.get(i);
            publishing.publishers.add(CompletableFuture.runAsync(
                    () -> publishing.publishShare(publisher, first, publishers.size(), events), publishing.threads));
        }
        return publishing;
    }

    private void publishShare(Publisher publisher, int first, int step, int events) {
        for (int n = first; n < events && !stopping.get(); n += step) {
            try {
                publisher.publish(n);
            } catch (Exception e) {
                throw new IllegalStateException("publishing event " + n + " failed", e);
            }
            published.incrementAndGet();
        }
    }

    /** How many events are stored so far. */
    int published() {
        return published.get();
    }

    /** Asks the publishers to stop after the event each is publishing now. */
    void stop() {
        stopping.set(true);
    }

    /** Waits for every publisher to finish (failing if one failed); how many events were published. */
    int awaitDone(Duration timeout) throws Exception {
        try {
            CompletableFuture.allOf(publishers.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return published.get();
        } finally {
            threads.shutdownNow();
        }
    }
}
