package io.github.padlock.jwt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

import io.github.padlock.jwt.VerifiedTokenCache.TokenKey;

/**
 * The verified tokens a full {@link VerifiedTokenCache} has seen once and not kept: TinyLFU's "doorkeeper" (Einziger,
 * Friedman and Manes, <i>TinyLFU: A Highly Efficient Cache Admission Policy</i>, ACM TOS 2017), a Bloom filter in
 * front of the cache. Once the cache holds its maximum, keeping a token means evicting another, and a token sent once
 * is the one W-TinyLFU would evict first; so a token is kept from its second check on, and the first check of a token
 * that is never sent again — every request, when clients do not reuse their tokens — costs no insertion and no
 * eviction (which, on a server whose cores are all busy, cost about as much as the check itself: docs/benchmarks.md).
 * <p>
 * The filter remembers {@code capacity} tokens (four bits each among at least {@value #BITS_PER_TOKEN} per token,
 * chosen by the token's SHA-256, whose bits are uniform: at most 0.24 % false positives, each of which only keeps a
 * token at its first check, as a cache without a doorkeeper does); the next token makes it forget all the others at
 * once, as TinyLFU's doorkeeper is reset with its sketch, and it starts again with that one. Only verified tokens reach it, so a forged or expired token
 * can neither fill it nor push a valid one out. Thread-safe without a lock: bits are set atomically, and a bit lost
 * to a concurrent reset only makes a token wait for one more check.
 */
final class Doorkeeper {

    /**
     * Bits per remembered token, at least (the filter's size is a power of two): with four probes, at most
     * (1 − e^(−4/16))^4, about 0.24 %, of the tokens never seen pass for seen at capacity.
     */
    static final int BITS_PER_TOKEN = 16;

    /** The most tokens remembered, whatever the cache's size: 64 Mib, 8 MiB of heap. */
    static final long MAX_CAPACITY = 1L << 22;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;

    private final int mask;

    private final long capacity;

    private final AtomicLong remembered = new AtomicLong();

    /**
     * @param capacity how many tokens to remember; the next one makes it forget them all first; at least 1
     */
    Doorkeeper(long capacity) {
        this.capacity = Math.min(capacity, MAX_CAPACITY);
        long bits = Math.max(Long.SIZE, Long.highestOneBit(this.capacity * BITS_PER_TOKEN - 1) << 1);
        this.words = new long[(int) (bits / Long.SIZE)];
        this.mask = (int) (bits - 1);
    }

    /**
     * Remembers {@code key}, a verified token's, and tells whether it was already remembered.
     * @param key the token's key
     * @return {@code true} when the token was seen since the last reset (or, rarely, a false positive): keep it;
     * {@code false} the first time
     */
    boolean seenBefore(TokenKey key) {
        if (contains(key)) {
            return true;
        }
        // Full: forget the others before remembering this one, so that it is remembered whatever the capacity.
        if (this.remembered.incrementAndGet() > this.capacity) {
            clear();
            this.remembered.incrementAndGet();
        }
        set(key.first());
        set(key.second());
        set(key.third());
        set(key.fourth());
        return false;
    }

    /**
     * @param key a token's key
     * @return whether the token was remembered since the last reset, or is a false positive
     */
    boolean contains(TokenKey key) {
        return isSet(key.first()) && isSet(key.second()) && isSet(key.third()) && isSet(key.fourth());
    }

    /** {@return the filter's size: a power of two, at least {@value #BITS_PER_TOKEN} bits per token of its capacity} */
    long sizeInBits() {
        return (long) this.words.length * Long.SIZE;
    }

    /** Forgets every token. */
    void clear() {
        this.remembered.set(0);
        for (int i = 0; i < this.words.length; i++) {
            WORDS.setOpaque(this.words, i, 0L);
        }
    }

    private boolean isSet(long hash) {
        int bit = bit(hash);
        return (((long) WORDS.getOpaque(this.words, bit >>> 6)) & (1L << bit)) != 0;
    }

    private void set(long hash) {
        int bit = bit(hash);
        WORDS.getAndBitwiseOr(this.words, bit >>> 6, 1L << bit);
    }

    /** The high bits of one of the SHA-256's longs: the low ones of {@code first} are the key's hash code. */
    private int bit(long hash) {
        return (int) (hash >>> 32) & this.mask;
    }
}
