package io.github.padlock.jwt;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Reusable objects lent to one token check at a time, as {@code credentials.Sha256Pool} lends SHA-256 digests: a
 * {@code Mac} or a {@code MessageDigest} from {@code getInstance} is a JCA provider lookup and a reflective
 * construction, which a pooled one saves on every token. Lock-free: a new object is made when every pooled one is in
 * use, and dropped when the pool is full on return, so the pool never blocks and never keeps more than {@link #SLOTS}.
 * No thread-local: a virtual thread would otherwise keep one per thread.
 *
 * @param <T> what is lent
 */
final class Pool<T> {

    /** How many idle objects are kept: more than the threads that check tokens at the same time on most machines. */
    static final int SLOTS = 32;

    private final AtomicReferenceArray<T> slots = new AtomicReferenceArray<>(SLOTS);

    private final Supplier<T> factory;

    /**
     * @param factory makes a new object when none is idle
     */
    Pool(Supplier<T> factory) {
        this.factory = factory;
    }

    /**
     * @return an idle object, or a new one when none is idle; give it back with {@link #release}
     */
    T acquire() {
        int start = Thread.currentThread().hashCode();
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            T idle = (this.slots.get(slot) != null) ? this.slots.getAndSet(slot, null) : null;
            if (idle != null) {
                return idle;
            }
        }
        return this.factory.get();
    }

    /**
     * @param item an object from {@link #acquire()}, in its initial state and no longer used by the caller
     */
    void release(T item) {
        int start = Thread.currentThread().hashCode();
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (this.slots.get(slot) == null && this.slots.compareAndSet(slot, null, item)) {
                return;
            }
        }
    }
}
