package dev.herald.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file from growing without bound. Herald writes every commit to the file at once ({@code WRITE_DELAY=0},
 * so an accepted event survives a killed process), and H2 then runs no background maintenance: each commit appends a
 * new chunk of the pages it touched, a chunk no longer in use is kept for H2's retention time (45 s) before its space
 * is reused, and chunks still holding a few live pages are never rewritten, so the file grew by ~70 KiB per event.
 *
 * <p>This task does that maintenance itself, online, five times a second, as H2's background writer would: it forces
 * the file to disk, rewrites sparse chunks into new ones, and moves chunks from the end of the file into free space so
 * the file shrinks. Because the file is on disk within 200 ms, old chunks need to be kept for 600 ms only, not H2's
 * 45 s (which assume the operating system flushes within that time): a power loss still finds the last version the
 * disk holds intact, and loses at most 200 ms of commits instead of up to 30 s. {@code compactFile}, which
 * ignores the retention time altogether, runs only when Herald stops, as in H2's own close (run every 2 s, the crash
 * test once lost accepted events after a SIGKILL).
 */
final class H2FileCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);
    static final Duration EVERY = Duration.ofMillis(200);
    /** Well over {@link #EVERY}: a chunk is overwritten only after the version that replaced it was forced to disk. */
    private static final int RETENTION_MILLIS = 600;
    /** Chunks with less live data than this (percent) are rewritten. */
    private static final int TARGET_FILL_RATE = 90;
    /** At most this much live data rewritten per round, so a round is short. */
    private static final int WRITE_LIMIT = 4 << 20;
    /** At most this much moved towards the start of the file per round (H2's own housekeeping moves 2-8 MiB). */
    private static final long MOVE_LIMIT = 8 << 20;
    private static final int CLOSING_SHRINK_MILLIS = 2_000;

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "herald-h2-compaction");
        thread.setDaemon(true);
        return thread;
    });

    private H2FileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static H2FileCompaction start(DataSource dataSource) {
        H2FileCompaction compaction = new H2FileCompaction(dataSource);
        compaction.syncAndCompact(); // at once: the shorter retention is safe only while the file is forced often
        long every = EVERY.toMillis();
        compaction.timer.scheduleWithFixedDelay(compaction::syncAndCompact, every, every, TimeUnit.MILLISECONDS);
        return compaction;
    }

    /**
     * One round: force the file to disk, keep old chunks 2 s from now on, rewrite the sparsest chunks, move chunks
     * into free space nearer the start (101: whatever the fill rate, as H2's housekeeping asks).
     */
    private void syncAndCompact() {
        try {
            withStore(store -> {
                store.sync();
                store.setRetentionTime(RETENTION_MILLIS);
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                if (store.getFileStore() instanceof RandomAccessStore file) {
                    file.compactMoveChunks(101, MOVE_LIMIT, store);
                }
            });
        } catch (RuntimeException | SQLException e) {
            LOG.warn("H2 file maintenance failed; trying again in {}", EVERY, e);
        }
    }

    private void withStore(Consumer<MVStore> maintenance) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                MVStore store = local.getDatabase().getStore().getMvStore();
                if (!store.isClosed()) {
                    maintenance.accept(store);
                }
            }
        }
    }

    /** Stops the rounds, then gives back what it can in one longer round: a stop is a quiet moment. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
            withStore(store -> {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                store.compactFile(CLOSING_SHRINK_MILLIS);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | SQLException e) {
            LOG.warn("H2 file maintenance at close failed", e);
        }
    }
}
