package dev.herald.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file from growing without bound. Herald writes every commit to the file at once ({@code WRITE_DELAY=0},
 * so an accepted event survives a killed process), and H2 then runs no background maintenance: each commit appends a
 * new chunk of the pages it touched, and chunks still holding a few live pages are never rewritten, so the file grew
 * by ~70 KiB per event. This task does H2's maintenance itself, online: it rewrites sparse chunks into new ones (their
 * space is then reused) and moves chunks to give space at the end of the file back to the disk.
 */
final class H2FileCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);
    static final Duration EVERY = Duration.ofMillis(Long.getLong("herald.h2.compact.every.ms", 2_000));
    /** Chunks with less live data than this (percent) are rewritten. */
    private static final int TARGET_FILL_RATE = Integer.getInteger("herald.h2.compact.fill", 90);
    /** At most this much live data rewritten per round, so a round is short. */
    private static final int WRITE_LIMIT = Integer.getInteger("herald.h2.compact.write", 4 << 20);
    private static final int SHRINK_MILLIS = Integer.getInteger("herald.h2.compact.shrink.ms", 50);
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
        long every = EVERY.toMillis();
        compaction.timer.scheduleWithFixedDelay(compaction::compactQuietly, every, every, TimeUnit.MILLISECONDS);
        return compaction;
    }

    private void compactQuietly() {
        try {
            compact();
        } catch (RuntimeException | SQLException e) {
            LOG.warn("H2 file maintenance failed; trying again in {}", EVERY, e);
        }
    }

    /** One round: rewrite sparse chunks, then give back free space at the end of the file. */
    void compact() throws SQLException {
        compact(SHRINK_MILLIS);
    }

    private void compact(int shrinkMillis) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                MVStore store = local.getDatabase().getStore().getMvStore();
                if (!store.isClosed()) {
                    store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                    store.compactFile(shrinkMillis);
                }
            } // else this process reaches the file through another's server: that one maintains it
        }
    }

    /** Stops the rounds, then gives back what it can in one longer round: a stop is a quiet moment. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
            compact(CLOSING_SHRINK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | SQLException e) {
            LOG.warn("H2 file maintenance at close failed", e);
        }
    }
}
