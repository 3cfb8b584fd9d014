package io.github.padlock.oauth2;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.padlock.credentials.StoreUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link JdbcTokenStore#sweep()} every {@code interval} on a daemon thread of its own
 * ({@code padlock-token-sweeper}), from the application's start to its stop: the first run after a random part of the
 * interval, so that instances started together do not sweep together. Every query of the store ignores expired rows,
 * so the sweep only bounds the tables' size; a database that does not answer skips a run (the store logs the outage),
 * and the next run catches up.
 */
public final class ExpiredTokenSweeper implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(ExpiredTokenSweeper.class);

    private final JdbcTokenStore store;

    private final Duration interval;

    private @Nullable ScheduledExecutorService executor;

    /**
     * @param store the store to sweep
     * @param interval how long between two sweeps, at least a second
     * @throws IllegalArgumentException when the interval is shorter than a second
     */
    public ExpiredTokenSweeper(JdbcTokenStore store, Duration interval) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("sweep-interval: must be at least one second");
        }
        this.store = store;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (this.executor != null) {
            return;
        }
        this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "padlock-token-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long period = this.interval.toMillis();
        this.executor.scheduleWithFixedDelay(this::sweep, ThreadLocalRandom.current().nextLong(period) + 1, period,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (this.executor != null) {
            this.executor.shutdownNow();
            this.executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return this.executor != null;
    }

    /** One sweep; never throws, so that the schedule goes on. */
    void sweep() {
        try {
            int deleted = this.store.sweep();
            if (logger.isDebugEnabled()) {
                logger.debug("Deleted " + deleted + " expired rows of Padlock's token store");
            }
        }
        catch (StoreUnavailableException ex) {
            // Logged by the store; the next run catches up.
        }
        catch (RuntimeException ex) {
            logger.warn("Could not delete the expired rows of Padlock's token store", ex);
        }
    }
}
