package dev.herald.application.service;

import dev.herald.application.port.out.ForPurgingHistory;
import dev.herald.application.port.out.ForPurgingHistory.Purged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Retention (docs/API.md §8.4): every few minutes, on a thread of its own, deletes the deliveries that finished longer
 * ago than the retention, with their attempts, then the events older than it that have no delivery left. It deletes
 * in small batches with a pause between them, so that the delivery threads always get the database back within a
 * moment. Several nodes may run it on one database ({@link ForPurgingHistory} keeps that correct). A zero retention
 * keeps everything and never starts the thread.
 */
public final class HistoryPurge {
    private static final System.Logger LOG = System.getLogger(HistoryPurge.class.getName());
    /** Rows deleted per transaction: a short transaction that holds few locks. */
    static final int BATCH = 1_000;
    /** Between two batches at least, so a round of many batches leaves the database to the delivery threads. */
    static final Duration PAUSE = Duration.ofMillis(100);
    /**
     * And at least this many times as long as the batch took, so a round takes at most a fifth of the database's time
     * however slow its batches are (a million finished deliveries purged while delivering at full speed cost H2 a
     * fifth of its throughput with the fixed pause alone: docs/BENCHMARKS.md).
     */
    static final int PAUSE_PER_BATCH_TIME = 4;
    /** How often a round runs; sooner for a retention shorter than this (only ever set in tests). */
    static final Duration PERIOD = Duration.ofMinutes(5);
    /** The first round comes this soon after start (or one period, if shorter), not a whole period later. */
    static final Duration FIRST_ROUND = Duration.ofMinutes(1);

    private final ForPurgingHistory history;
    private final Clock clock;
    private final Duration retention;
    private final int batch;
    private final Duration pause;
    private final BlockingQueue<Boolean> stopSignal = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread purger;

    public HistoryPurge(ForPurgingHistory history, Clock clock, Duration retention) {
        this(history, clock, retention, BATCH, PAUSE);
    }

    /** With the rows of a batch and the pause between batches chosen (tests use small batches and no pause). */
    public HistoryPurge(ForPurgingHistory history, Clock clock, Duration retention, int batch, Duration pause) {
        this.history = history;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
        this.pause = pause;
    }

    /** What one round deleted. */
    public record Round(int deliveries, int attempts, int events) {
        public boolean deletedAnything() {
            return deliveries + attempts + events > 0;
        }
    }

    /** Starts the rounds (once; later calls do nothing while they run); a zero retention starts nothing. */
    public synchronized void start() {
        if (running || retention.isZero()) {
            return;
        }
        running = true;
        stopSignal.clear();
        purger = new Thread(this::purgeLoop, "herald-purge");
        purger.setDaemon(true);
        purger.start();
    }

    /** Stops the rounds; a batch under way finishes its transaction first. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopSignal.offer(Boolean.TRUE);
        try {
            purger.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One round now, on the caller's thread: every delivery and event past the retention at this moment, batch after
     * batch until a batch comes back short; logged once when it deleted anything. A zero retention deletes nothing.
     */
    public Round purgeOnce() {
        if (retention.isZero()) {
            return new Round(0, 0, 0);
        }
        Instant cutoff = clock.instant().minus(retention);
        int deliveries = 0;
        int attempts = 0;
        int events = 0;
        Purged purged;
        long started;
        do {
            started = System.nanoTime();
            purged = history.purgeDeliveries(cutoff, batch);
            deliveries += purged.deliveries();
            attempts += purged.attempts();
        } while (purged.deliveries() >= batch && pauseUnlessStopped(started));
        int eventBatch;
        do {
            started = System.nanoTime();
            eventBatch = history.purgeEvents(cutoff, batch);
            events += eventBatch;
        } while (eventBatch >= batch && pauseUnlessStopped(started));
        Round round = new Round(deliveries, attempts, events);
        if (round.deletedAnything()) {
            LOG.log(System.Logger.Level.INFO, "retention " + retention + ": purged " + deliveries + " deliveries, "
                    + attempts + " attempts and " + events + " events older than " + cutoff);
        }
        return round;
    }

    private void purgeLoop() {
        Duration period = retention.compareTo(PERIOD) < 0 ? max(retention, Duration.ofSeconds(1)) : PERIOD;
        Duration wait = period.compareTo(FIRST_ROUND) < 0 ? period : FIRST_ROUND;
        while (waitUnlessStopped(wait)) {
            try {
                purgeOnce();
            } catch (RuntimeException e) {
                // The database may be briefly away; the next round deletes what this one left.
                LOG.log(System.Logger.Level.WARNING, "retention: a purge round failed, retrying in " + period, e);
            }
            wait = period;
        }
    }

    /**
     * Pauses after a batch begun at {@code started} (nanoTime): the configured pause, or longer after a slow batch
     * (none when the pause is zero, as in tests); false when stopped meanwhile (a direct {@link #purgeOnce} is never
     * stopped).
     */
    private boolean pauseUnlessStopped(long started) {
        Duration wait = pause.isZero() ? pause
                : max(pause, Duration.ofNanos(System.nanoTime() - started).multipliedBy(PAUSE_PER_BATCH_TIME));
        return waitUnlessStopped(wait) || Thread.currentThread() != purger;
    }

    /** Waits {@code duration}; false when the purge was stopped (or the thread interrupted) meanwhile. */
    private boolean waitUnlessStopped(Duration duration) {
        try {
            if (stopSignal.poll(duration.toMillis(), TimeUnit.MILLISECONDS) != null) {
                stopSignal.offer(Boolean.TRUE); // left for the other waiter, if a direct round took it
                return false;
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
