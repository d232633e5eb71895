package dev.herald.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit (docs/DECISIONS.md, "Publishes share a commit"): the work of threads that arrive while a transaction
 * is being committed waits, and the next of them runs all the waiting work in one transaction with one commit. On H2
 * a commit writes every page it dirtied, so sixteen publishes in one commit write far fewer pages than sixteen
 * commits.
 *
 * <p>Each caller returns only after the commit that holds its work. When a work throws, the transaction is rolled
 * back (on PostgreSQL a failed statement spoils the whole transaction), that caller gets its exception, and the
 * others run again in a fresh transaction. An exception outside any work (the connection, the commit) fails them all.
 */
final class GroupCommit {
    /** At most this many works per transaction: a commit's size and its lock time stay bounded. */
    private static final int MAX_BATCH = 100;

    private final TransactionScope scope;
    /** Held by the thread that commits; the others queue for it and usually find their work done. */
    private final ReentrantLock committing = new ReentrantLock();
    private final Queue<SharedWork<?>> waiting = new ConcurrentLinkedQueue<>();

    GroupCommit(TransactionScope scope) {
        this.scope = scope;
    }

    <T> T run(Supplier<T> work) {
        SharedWork<T> mine = new SharedWork<>(work);
        waiting.add(mine);
        committing.lock();
        try {
            while (!mine.isDone()) {
                commitTogether(takeWaiting());
            }
        } finally {
            committing.unlock();
        }
        return mine.outcome();
    }

    private List<SharedWork<?>> takeWaiting() {
        List<SharedWork<?>> batch = new ArrayList<>();
        for (SharedWork<?> next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    private void commitTogether(List<SharedWork<?>> batch) {
        List<SharedWork<?>> left = batch;
        while (!left.isEmpty()) {
            List<SharedWork<?>> running = left;
            try {
                scope.inNewTransaction(h -> {
                    running.forEach(SharedWork::run);
                    return null;
                });
                running.forEach(SharedWork::committed);
                left = List.of();
            } catch (WorkFailed failed) {
                failed.work.failed(failed.getCause());
                left = running.stream().filter(w -> w != failed.work).toList();
            } catch (RuntimeException | Error notCommitted) {
                running.forEach(w -> w.failed(notCommitted));
                left = List.of();
            }
        }
    }

    /** One caller's work and, once its transaction has ended, its result or its exception. */
    private static final class SharedWork<T> {
        private final Supplier<T> work;
        private T result;
        private Throwable failure;
        private boolean done;

        SharedWork(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                throw new WorkFailed(this, e);
            }
        }

        void committed() {
            done = true;
        }

        void failed(Throwable e) {
            failure = e;
            done = true;
        }

        /** Read by the caller after it took the lock that the committing thread released: it sees these fields. */
        boolean isDone() {
            return done;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    /** A work threw: carries it out of the transaction, which rolls back. */
    private static final class WorkFailed extends RuntimeException {
        private final transient SharedWork<?> work;

        WorkFailed(SharedWork<?> work, Throwable cause) {
            super(cause);
            this.work = work;
        }
    }
}
