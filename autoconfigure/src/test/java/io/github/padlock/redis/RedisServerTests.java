package io.github.padlock.redis;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class RedisServerTests {

    @BeforeAll
    static void installed() {
        RedisServer.assumeInstalled();
    }

    @Test
    void startWhenCalledThenAnswersAndFlushAllEmptiesIt() throws IOException {
        try (RedisServer server = RedisServer.start()) {
            assertThat(server.command("PING")).isEqualTo("+PONG");
            assertThat(server.command("SET", "k", "v")).isEqualTo("+OK");
            assertThat(server.command("DBSIZE")).isEqualTo(":1");
            server.flushAll();
            assertThat(server.command("DBSIZE")).isEqualTo(":0");
        }
    }

    @Test
    void stopWhenStartedAgainThenSamePortAndEmpty() throws IOException {
        try (RedisServer server = RedisServer.start()) {
            server.command("SET", "k", "v");
            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThatIOException().isThrownBy(() -> server.command("PING"));
            server.startAgain();
            assertThat(server.command("DBSIZE")).isEqualTo(":0");
        }
    }
}
