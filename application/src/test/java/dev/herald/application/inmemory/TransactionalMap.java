package dev.herald.application.inmemory;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A store's map whose writes inside an in-memory transaction go into the {@link UndoLog}, each with the key's value
 * before it, so a rollback puts back exactly the keys the transaction touched. Every call holds {@code lock} (the
 * store), so an undo played back from another call cannot race the store's own reads. The views are read-only:
 * a write that went around the log would survive a rollback.
 */
final class TransactionalMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> entries;
    private final Object lock;
    private final UnaryOperator<V> copyOfValue;

    private TransactionalMap(Map<K, V> entries, Object lock, UnaryOperator<V> copyOfValue) {
        this.entries = entries;
        this.lock = lock;
        this.copyOfValue = copyOfValue;
    }

    /** Over {@code entries}, for immutable values. */
    static <K, V> TransactionalMap<K, V> over(Map<K, V> entries, Object lock) {
        return new TransactionalMap<>(entries, lock, UnaryOperator.identity());
    }

    /** Over {@code entries}, for values changed in place (lists): the value to put back is a copy. */
    static <K, V> TransactionalMap<K, V> overMutableValues(Map<K, V> entries, Object lock, UnaryOperator<V> copy) {
        return new TransactionalMap<>(entries, lock, copy);
    }

    @Override
    public V get(Object key) {
        synchronized (lock) {
            return entries.get(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (lock) {
            return entries.containsKey(key);
        }
    }

    @Override
    public int size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    @Override
    public V put(K key, V value) {
        synchronized (lock) {
            remember(key);
            return entries.put(key, value);
        }
    }

    @Override
    public V remove(Object key) {
        synchronized (lock) {
            if (!entries.containsKey(key)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            K present = (K) key;
            remember(present);
            return entries.remove(key);
        }
    }

    // The compound writes below run Map's defaults (made of get, put and remove) under the lock, so they are atomic.

    @Override
    public V putIfAbsent(K key, V value) {
        synchronized (lock) {
            return super.putIfAbsent(key, value);
        }
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        synchronized (lock) {
            remember(key); // the caller may change the value it gets back
            return super.computeIfAbsent(key, mapping);
        }
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        synchronized (lock) {
            return super.computeIfPresent(key, remapping);
        }
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        synchronized (lock) {
            return super.compute(key, remapping);
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        synchronized (lock) {
            return super.merge(key, value, remapping);
        }
    }

    @Override
    public V replace(K key, V value) {
        synchronized (lock) {
            return super.replace(key, value);
        }
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        synchronized (lock) {
            return super.replace(key, oldValue, newValue);
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        synchronized (lock) {
            return super.remove(key, value);
        }
    }

    /** Read-only; iterate it while holding the lock (the stores do, in their synchronized methods). */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableSet(entries.entrySet());
    }

    private void remember(K key) {
        if (!UndoLog.isOpen()) {
            return;
        }
        if (entries.containsKey(key)) {
            V before = copyOfValue.apply(entries.get(key));
            UndoLog.record(() -> {
                synchronized (lock) {
                    entries.put(key, before);
                }
            });
        } else {
            UndoLog.record(() -> {
                synchronized (lock) {
                    entries.remove(key);
                }
            });
        }
    }
}
