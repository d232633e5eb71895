package dev.herald.application.service;

import dev.herald.application.config.DispatcherSettings;
import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.service.DeliveryCycle.Sent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The delivery worker of one node: runs the {@link DeliveryCycle} on two threads. One claims due deliveries in batches
 * as send slots free up and starts sending them concurrently (bounded); the other completes their outcomes in batches
 * as they arrive. Several dispatchers, in one process or many, can share one queue.
 */
public final class DeliveryDispatcher {
    private static final int COMPLETION_BATCH = 256;
    /**
     * Under load slots and outcomes come back one at a time; waiting this long for more turns many one-row claims
     * and completions (a transaction and a database commit each) into a few large ones. Never waited when idle.
     */
    static final Duration GATHER = Duration.ofMillis(5);

    private final DeliveryCycle cycle;
    private final DispatcherSettings settings;
    private final SendSlots sendSlots;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Sent> finished = new LinkedBlockingQueue<>();
    private final InFlightClaims inFlight = new InFlightClaims();
    private volatile boolean running;
    private volatile boolean recording;
    private Thread claimer;
    private Thread completer;

    public DeliveryDispatcher(DeliveryCycle cycle) {
        this.cycle = cycle;
        this.settings = cycle.settings();
        this.sendSlots = new SendSlots(settings);
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
        inFlight.awaitEmpty(deadline);
        recording = false;
        join(completer, Duration.ofSeconds(5));
        drainFinished(); // outcomes that arrived while the completer was stopping
        cycle.releaseUnfinished(inFlight.snapshot());
        inFlight.clear();
    }

    public boolean isRunning() {
        return running;
    }

    private void claimLoop() {
        while (running) {
            try {
                int slots = sendSlots.take();
                if (slots > 0 && claimAndSend(slots) < slots) {
                    wakeUps.poll(cycle.idlePause().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims up to {@code slots} due deliveries and starts sending them; how many. Unused slots are given back. */
    private int claimAndSend(int slots) {
        List<Claim> claims = cycle.claim(slots);
        sendSlots.release(slots - claims.size());
        inFlight.addAll(claims);
        List<CompletableFuture<DeliveryAttempts.Outcome>> sends;
        try {
            sends = cycle.send(claims);
        } catch (RuntimeException | OutOfMemoryError e) {
            giveBack(claims, e);
            return claims.size();
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            sends.get(i).whenComplete((outcome, failure) -> {
                if (failure == null) {
                    finished.add(new Sent(claim, outcome));
                } else {
                    giveBack(List.of(claim), failure);
                }
            });
        }
        return claims.size();
    }

    /** Claims whose sending broke down before an outcome: back to the queue, due at once; their slots freed. */
    private void giveBack(List<Claim> claims, Throwable cause) {
        try {
            cycle.giveBack(claims, cause);
        } finally {
            inFlight.removeAll(claims);
            sendSlots.release(claims.size());
        }
    }

    private void completeLoop() {
        while (recording) {
            try {
                Sent first = finished.poll(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Sent> batch = new ArrayList<>();
                    batch.add(first);
                    finished.drainTo(batch, COMPLETION_BATCH - 1);
                    if (batch.size() < COMPLETION_BATCH / 8 && inFlight.size() > batch.size()) {
                        // More sends are out and likely finishing: record them together.
                        Thread.sleep(GATHER.toMillis());
                        finished.drainTo(batch, COMPLETION_BATCH - batch.size());
                    }
                    complete(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drainFinished() {
        List<Sent> rest = new ArrayList<>();
        finished.drainTo(rest);
        if (!rest.isEmpty()) {
            complete(rest);
        }
    }

    /**
     * Records a batch; while the database is unavailable, tries again with growing pauses until it works or the node
     * stops. The sends keep their leases and their slots meanwhile, so no other node or claim sends them again.
     */
    private void complete(List<Sent> batch) {
        try {
            while (!cycle.tryComplete(batch)) {
                if (!recording || !paused(cycle.pauseAfterFailure())) {
                    cycle.complete(batch); // a last try as the node stops; what fails is sent again after its lease
                    break;
                }
            }
        } finally {
            inFlight.removeAll(batch.stream().map(Sent::claim).toList());
            sendSlots.release(batch.size());
            // Finished sends may let an endpoint at its concurrency limit take more: claim now, not at the next poll.
            wakeUp();
        }
    }

    /** Whether the thread slept {@code pause} through; false when interrupted. */
    private static boolean paused(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
