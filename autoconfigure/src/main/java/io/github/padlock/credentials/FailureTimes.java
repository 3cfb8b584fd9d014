package io.github.padlock.credentials;

/** One client's most recent failure times, oldest first, in a ring that grows up to {@code maxFailures}. */
final class FailureTimes {

    private long[] times;

    private int head;

    private int size;

    private volatile long latest;

    FailureTimes(int capacity) {
        this.times = new long[capacity];
    }

    /** Adds a failure; returns what {@link #waitMillis} answered just before, in the same step. */
    synchronized long add(long now, long window, int maxFailures) {
        long waitBefore = waitMillis(now, window, maxFailures);
        if (this.size == maxFailures) {
            this.head = (this.head + 1) % this.times.length;
            this.size--;
        }
        if (this.size == this.times.length) {
            long[] grown = new long[Math.min(maxFailures, this.times.length * 2)];
            for (int i = 0; i < this.size; i++) {
                grown[i] = this.times[(this.head + i) % this.times.length];
            }
            this.times = grown;
            this.head = 0;
        }
        this.times[(this.head + this.size) % this.times.length] = now;
        this.size++;
        this.latest = now;
        return waitBefore;
    }

    /** Milliseconds until the oldest counted failure leaves the window, or 0 when under the limit. */
    synchronized long waitMillis(long now, long window, int maxFailures) {
        prune(now, window);
        return (this.size >= maxFailures) ? this.times[this.head] + window - now : 0;
    }

    synchronized boolean expired(long now, long window) {
        prune(now, window);
        return this.size == 0;
    }

    long latest() {
        return this.latest;
    }

    private void prune(long now, long window) {
        while (this.size > 0 && this.times[this.head] + window <= now) {
            this.head = (this.head + 1) % this.times.length;
            this.size--;
        }
    }
}
