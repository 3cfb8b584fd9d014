package io.github.padlock.credentials;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * {@link RedisBruteForceLimiter} while Redis does not answer: it fails open — no exception, the attempt let through,
 * its credentials left to be checked — counts every such attempt, says so once at WARN and once at INFO when Redis is
 * back, never with a client's address, and a request does not wait a command timeout per call: Lettuce, which keeps a
 * command while it reconnects, would make each of them wait the whole timeout (500 ms here, as Padlock's default).
 */
class RedisBruteForceLimiterOutageTests {

    private static final String PREFIX = "test:outage:";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger logger = (Logger) LoggerFactory.getLogger(RedisBruteForceLimiter.class);

    @BeforeAll
    static void installed() {
        RedisServer.assumeInstalled();
    }

    @BeforeEach
    void captureLog() {
        this.log.start();
        this.logger.addAppender(this.log);
        this.logger.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLog() {
        this.logger.detachAppender(this.log);
        this.logger.setLevel(null);
    }

    @Test
    void checkAndRecordWhenRedisStopsThenLetThroughQuicklyCountedLoggedOnceAndRecoveredWhenBack() {
        try (RedisServer server = RedisServer.start()) {
            LettuceConnectionFactory connection = RedisBruteForceLimiterTests.connectionFactory(server,
                    Duration.ofMillis(500));
            try {
                AtomicInteger storeErrors = new AtomicInteger();
                RedisBruteForceLimiter limiter = new RedisBruteForceLimiter(connection, 3, Duration.ofMinutes(1),
                        PREFIX, storeErrors::incrementAndGet);
                for (int i = 0; i < 3; i++) {
                    limiter.record("10.9.0.1", SecurityOutcome.INVALID);
                }
                RedisBruteForceLimiterTests.assertRefused(limiter, "10.9.0.1", "60");
                server.stop();
                long start = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    // A request: the check before its credentials, the count after. The limited client gets through.
                    assertThatNoException().isThrownBy(() -> limiter.check("10.9.0.1"));
                    assertThatNoException().isThrownBy(() -> limiter.record("10.9.0.1", SecurityOutcome.INVALID));
                }
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("RedisBruteForceLimiterOutageTests: 10 requests (check and record) with Redis "
                        + "stopped took " + elapsedMillis + " ms");
                // 20 calls that each waited the 500 ms timeout would take 10 s; one waits, the others do not ask.
                assertThat(elapsedMillis).isLessThan(5_000);
                assertThat(storeErrors).hasValue(20);
                assertThat(events(Level.WARN)).hasSize(1);
                assertThat(events(Level.INFO)).isEmpty();

                server.startAgain();
                // Lettuce reconnects on its own, with a growing delay; the limiter asks again once a second.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    limiter.record("10.9.0.2", SecurityOutcome.INVALID);
                    assertThat(server.command("EXISTS", PREFIX + "10.9.0.2")).isEqualTo(":1");
                });
                assertThat(events(Level.INFO)).hasSize(1);
                assertThat(events(Level.WARN)).hasSize(1);
                assertThat(storeErrors.get()).isGreaterThanOrEqualTo(20);
                assertThat(loggedText()).doesNotContain("10.9.0.1").doesNotContain("10.9.0.2");
            }
            finally {
                connection.destroy();
            }
        }
    }

    @Test
    void checkWhenRedisNeverStartedThenLetThroughAndCounted() {
        try (RedisServer server = RedisServer.start()) {
            server.stop();
            LettuceConnectionFactory connection = RedisBruteForceLimiterTests.connectionFactory(server,
                    Duration.ofMillis(500));
            try {
                AtomicInteger storeErrors = new AtomicInteger();
                RedisBruteForceLimiter limiter = new RedisBruteForceLimiter(connection, 1, Duration.ofMinutes(1),
                        PREFIX, storeErrors::incrementAndGet);
                for (int i = 0; i < 5; i++) {
                    assertThatNoException().isThrownBy(() -> limiter.record("10.9.0.3", SecurityOutcome.INVALID));
                    assertThatNoException().isThrownBy(() -> limiter.check("10.9.0.3"));
                }
                assertThat(storeErrors).hasValue(10);
                assertThat(events(Level.WARN)).hasSize(1);
                assertThat(loggedText()).doesNotContain("10.9.0.3");
            }
            finally {
                connection.destroy();
            }
        }
    }

    private List<ILoggingEvent> events(Level level) {
        return this.log.list.stream().filter((event) -> event.getLevel() == level).toList();
    }

    /** Every message logged, with the messages of the exceptions and of their causes. */
    private String loggedText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : this.log.list) {
            text.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                text.append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
