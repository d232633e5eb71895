package dev.herald.application.service;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.port.out.ForQueueingDeliveries.Completion;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The delivery worker of one node: claims due deliveries in batches, sends them concurrently (bounded), and writes
 * their outcomes back in batches. Several dispatchers, in one process or many, can share one queue.
 */
public final class DeliveryDispatcher {
    private static final System.Logger LOG = System.getLogger(DeliveryDispatcher.class.getName());
    private static final int COMPLETION_BATCH = 256;
    /**
     * Under load slots and outcomes come back one at a time; waiting this long for more turns many one-row claims
     * and completions (a transaction and a database commit each) into a few large ones. Never waited when idle.
     */
    private static final long GATHER_MILLIS = 5;
    /**
     * A claim stops before its events' data passes this (each event counted once, at least one delivery), so a batch
     * of large events cannot exhaust the heap; a wide fan-out of one event shares one copy of its data.
     */
    static final long BATCH_DATA_BYTES = 4L << 20;

    private final ForQueueingDeliveries queue;
    private final DeliveryAttempts attempts;
    private final OwnerNotification notification;
    private final Clock clock;
    private final DispatcherSettings settings;

    private final Semaphore sendSlots;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final Set<Claim> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean recording;
    private Thread claimer;
    private Thread completer;

    public DeliveryDispatcher(ForQueueingDeliveries queue, DeliveryAttempts attempts, OwnerNotification notification,
                              Clock clock, DispatcherSettings settings) {
        this.queue = queue;
        this.attempts = attempts;
        this.notification = notification;
        this.clock = clock;
        this.settings = settings;
        this.sendSlots = new Semaphore(settings.maxInFlight());
    }

    /** One claimed delivery and what its attempt did. */
    private record Finished(Claim claim, DeliveryAttempts.Outcome outcome) {
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        recording = true;
        claimer = new Thread(this::claimLoop, "herald-dispatcher");
        completer = new Thread(this::completeLoop, "herald-completer");
        claimer.start();
        completer.start();
    }

    /** Looks for due work now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    /**
     * Stops claiming, waits up to {@code grace} for sends in flight to finish and be recorded, and gives back the
     * rest unsent so another node (or the next start) takes them at once.
     */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        wakeUp();
        join(claimer, grace);
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        recording = false;
        join(completer, Duration.ofSeconds(5));
        drainFinished(); // outcomes that arrived while the completer was stopping
        List<Claim> unfinished = new ArrayList<>(inFlight);
        if (!unfinished.isEmpty()) {
            queue.release(unfinished);
            LOG.log(System.Logger.Level.INFO, "released {0} unfinished deliveries", unfinished.size());
        }
        inFlight.clear();
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Claims one batch, sends it, and records every outcome before returning; how many were claimed.
     * For tests and tools that drive the queue step by step (with a fake clock) instead of starting threads.
     */
    public int dispatchOnce() {
        List<Claim> claims = queue.claim(clock.instant(), settings.batchSize(), BATCH_DATA_BYTES, settings.lease());
        List<CompletableFuture<DeliveryAttempts.Outcome>> sends =
                attempts.scheduled(claims.stream().map(Claim::delivery).toList());
        List<Finished> done = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            done.add(new Finished(claims.get(i), sends.get(i).join()));
        }
        record(done);
        return claims.size();
    }

    private void claimLoop() {
        while (running) {
            try {
                int slots = acquireSlots();
                if (slots > 0 && claimAndSend(slots) < slots) {
                    wakeUps.poll(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims up to {@code slots} due deliveries and starts sending them; how many. Unused slots are given back. */
    private int claimAndSend(int slots) {
        List<Claim> claims;
        try {
            claims = queue.claim(clock.instant(), slots, BATCH_DATA_BYTES, settings.lease());
        } catch (RuntimeException | OutOfMemoryError e) {
            sendSlots.release(slots);
            LOG.log(System.Logger.Level.WARNING, "claiming deliveries failed; trying again", e);
            return 0;
        }
        sendSlots.release(slots - claims.size());
        inFlight.addAll(claims);
        List<CompletableFuture<DeliveryAttempts.Outcome>> sends;
        try {
            sends = attempts.scheduled(claims.stream().map(Claim::delivery).toList());
        } catch (RuntimeException | OutOfMemoryError e) {
            giveBack(claims, e);
            return claims.size();
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            sends.get(i).whenComplete((outcome, failure) -> {
                if (failure == null) {
                    finished.add(new Finished(claim, outcome));
                } else {
                    giveBack(List.of(claim), failure);
                }
            });
        }
        return claims.size();
    }

    /** Claims whose sending broke down before an outcome: back to the queue, due at once; their slots freed. */
    private void giveBack(List<Claim> claims, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "sending " + claims.size() + " deliveries failed; giving them back", cause);
        try {
            queue.release(claims);
        } catch (RuntimeException e) {
            // Their leases stay, so they are claimed again when those end: late, never lost.
            LOG.log(System.Logger.Level.WARNING, "giving back " + claims.size() + " deliveries failed", e);
        } finally {
            claims.forEach(inFlight::remove);
            sendSlots.release(claims.size());
        }
    }

    /** Waits for at least one free send slot, then takes up to a batch of them. */
    private int acquireSlots() throws InterruptedException {
        if (!sendSlots.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int wanted = Math.min(settings.batchSize(), settings.maxInFlight()) - 1;
        int more = sendSlots.drainPermits();
        if (more < wanted / 2) {
            // Most sends are still out: let a few more finish, then claim for all of them in one transaction.
            Thread.sleep(GATHER_MILLIS);
            more += sendSlots.drainPermits();
        }
        if (more > wanted) {
            sendSlots.release(more - wanted);
            more = wanted;
        }
        return 1 + more;
    }

    private void completeLoop() {
        while (recording) {
            try {
                Finished first = finished.poll(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Finished> batch = new ArrayList<>();
                    batch.add(first);
                    finished.drainTo(batch, COMPLETION_BATCH - 1);
                    if (batch.size() < COMPLETION_BATCH / 8 && inFlight.size() > batch.size()) {
                        // More sends are out and likely finishing: record them together.
                        Thread.sleep(GATHER_MILLIS);
                        finished.drainTo(batch, COMPLETION_BATCH - batch.size());
                    }
                    recordInFlight(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drainFinished() {
        List<Finished> rest = new ArrayList<>();
        finished.drainTo(rest);
        if (!rest.isEmpty()) {
            recordInFlight(rest);
        }
    }

    private void recordInFlight(List<Finished> batch) {
        try {
            recordIsolated(batch);
        } finally {
            batch.forEach(f -> inFlight.remove(f.claim()));
            sendSlots.release(batch.size());
        }
    }

    /**
     * Records a batch; if that fails, each outcome alone, so one that cannot be recorded does not hold back the rest.
     * What still fails keeps its lease and is claimed again when the lease ends: sent twice, never lost. Logged by id
     * only: the tenant's data never reaches the log.
     */
    private void recordIsolated(List<Finished> batch) {
        try {
            record(batch);
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            if (batch.size() == 1) {
                logUnrecorded(batch.get(0), e);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "recording " + batch.size() + " outcomes failed ("
                    + e.getClass().getSimpleName() + "); recording them one by one");
        }
        for (Finished one : batch) {
            try {
                record(List.of(one));
            } catch (RuntimeException | OutOfMemoryError e) {
                logUnrecorded(one, e);
            }
        }
    }

    private static void logUnrecorded(Finished finished, Throwable cause) {
        var delivery = finished.outcome().delivery();
        LOG.log(System.Logger.Level.WARNING, "recording the outcome of delivery " + delivery.id().value()
                + " (tenant " + delivery.tenant().value() + ", webhook " + delivery.webhookId().value()
                + ") failed; it is sent again when its lease ends", cause);
    }

    private void record(List<Finished> batch) {
        queue.complete(batch.stream()
                .map(f -> new Completion(f.claim(), f.outcome().delivery(), f.outcome().attempt()))
                .toList());
        batch.stream().filter(f -> f.outcome().finallyFailed())
                .forEach(f -> notification.finallyFailed(f.outcome().webhook().orElseThrow(), f.outcome().delivery()));
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
