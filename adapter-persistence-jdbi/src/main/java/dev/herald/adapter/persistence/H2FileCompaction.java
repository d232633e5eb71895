package dev.herald.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file from growing without bound. Herald writes every commit to the file at once ({@code WRITE_DELAY=0},
 * so an accepted event survives a killed process), and H2 then runs no background maintenance: each commit appends a
 * new chunk of the pages it touched, and chunks still holding a few live pages are never rewritten, so their space is
 * never reused. This task rewrites sparse chunks into new ones once a second, online, as H2's background writer would;
 * a chunk no longer in use is then reused after the retention time Herald sets ({@link H2Urls#RETENTION_MILLIS}), and
 * each round first forces the file to disk, so that space is reused only after what replaced it is on disk.
 *
 * <p>What was measured and left out (docs/BENCHMARKS.md, disk use): moving chunks holds every commit (publish latency
 * went from 20 ms to 1.7 s when done every 200 ms), so moving chunks to give space back to the disk happens once, when
 * Herald stops, as in H2's own close. The crash losses once put down to a short retention time or to moving chunks
 * were H2's open after a crash stopping short of the newest commits, which {@link H2CrashRecovery} repairs.
 */
final class H2FileCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);
    static final Duration EVERY = Duration.ofSeconds(1);
    /** Chunks with less live data than this (percent) are rewritten. */
    private static final int TARGET_FILL_RATE = 75;
    /** At most this much live data rewritten per round, so a round is short. */
    private static final int WRITE_LIMIT = 4 << 20;
    private static final int CLOSING_SHRINK_MILLIS = 2_000;

    private final MVStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "herald-h2-compaction");
        thread.setDaemon(true);
        return thread;
    });

    private H2FileCompaction(MVStore store) {
        this.store = store;
    }

    /**
     * Starts the rounds on the database behind {@code dataSource}, if this process holds it; empty when it reaches
     * the file through another process's server (that one maintains it).
     */
    static Optional<H2FileCompaction> start(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
                return Optional.empty();
            }
            H2FileCompaction compaction = new H2FileCompaction(local.getDatabase().getStore().getMvStore());
            long every = EVERY.toMillis();
            compaction.timer.scheduleWithFixedDelay(compaction::compact, every, every, TimeUnit.MILLISECONDS);
            return Optional.of(compaction);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the H2 database", e);
        }
    }

    /**
     * One round: force what was written to disk, then rewrite the sparsest chunks, up to the write limit. The force
     * comes first so that a chunk's space is reused only after what replaced it is on disk, even after a power loss
     * (space is reused after {@link H2Urls#RETENTION_MILLIS}, several rounds later).
     */
    private void compact() {
        if (store.isClosed()) {
            return;
        }
        try {
            store.sync();
            store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        } catch (RuntimeException e) {
            LOG.warn("H2 file maintenance failed; trying again in {}", EVERY, e);
        }
    }

    /**
     * Lets the round in progress finish (never interrupted: an interrupt during a file write closes H2's file
     * channel, and with it the database), then gives back what it can in one longer round: a stop is a quiet moment.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                // compactFile sets the retention time to 0 for good; whatever is committed after it must not be.
                FileStore<?> file = store.getFileStore();
                int retention = file.getRetentionTime();
                store.compactFile(CLOSING_SHRINK_MILLIS);
                file.setRetentionTime(retention);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("H2 file maintenance at close failed", e);
        }
    }
}
