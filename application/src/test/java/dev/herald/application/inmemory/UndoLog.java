package dev.herald.application.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How to undo the writes made so far by the in-memory transaction open on this thread, newest first. The stores
 * record into it through their {@link TransactionalMap}s; {@link InMemoryTransactions} opens it and, when the work
 * fails, plays it back. Writes made on other threads are not in it, so a rollback never touches them.
 */
final class UndoLog {
    private static final ThreadLocal<Deque<Runnable>> OPEN = new ThreadLocal<>();

    private UndoLog() {
    }

    static boolean isOpen() {
        return OPEN.get() != null;
    }

    static void open() {
        OPEN.set(new ArrayDeque<>());
    }

    /** Remembers how to undo one write, when a transaction is open on this thread; outside one a write is final. */
    static void record(Runnable undo) {
        Deque<Runnable> log = OPEN.get();
        if (log != null) {
            log.push(undo);
        }
    }

    /** Ends the transaction: its writes stay. */
    static void commit() {
        OPEN.remove();
    }

    /** Ends the transaction: its writes are undone, newest first. */
    static void rollBack() {
        Deque<Runnable> log = OPEN.get();
        OPEN.remove();
        while (log != null && !log.isEmpty()) {
            log.pop().run();
        }
    }
}
