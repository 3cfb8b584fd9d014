package io.github.padlock.oauth2;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.padlock.SecurityOutcome;
import io.github.padlock.credentials.StoreUnavailableException;
import io.github.padlock.oauth2.TokenStore.RefreshGrant;
import io.github.padlock.oauth2.TokenStore.Rotation;
import io.github.padlock.redis.RedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link RedisTokenStore} on a real Redis (Debian's {@code redis-server}, started by {@link RedisServer}): the
 * contract, every key under the prefix with the time to live of what it names, and a Redis that stops: a
 * {@link StoreUnavailableException} within the client's timeout, never a hang, and the store working again once Redis
 * is back. A server of its own, since the outage test stops it.
 */
class RedisTokenStoreTests extends TokenStoreContract {

    private static RedisServer server;

    private static LettuceConnectionFactory connectionFactory;

    @BeforeAll
    static void start() {
        RedisServer.assumeInstalled();
        server = RedisServer.start();
        connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()),
                LettuceClientConfiguration.builder()
                    .commandTimeout(Duration.ofMillis(500))
                    .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
                        .build())
                    .build());
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
    }

    @AfterAll
    static void stop() {
        if (connectionFactory != null) {
            connectionFactory.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void empty() {
        server.flushAll();
    }

    @Override
    TokenStore store(Clock clock) {
        return new RedisTokenStore(connectionFactory, "test:", clock);
    }

    @Test
    void revokeWhenRevokedThenKeyUnderThePrefixExpiresWithTheToken() throws IOException {
        TokenStore store = store(Clock.systemUTC());
        store.revokeToken("jti-ttl", Instant.now().plusSeconds(60));
        store.revokeFamily("family-ttl", Instant.now().plusSeconds(600));
        assertThat(ttl("test:revoked:jti:jti-ttl")).isBetween(55_000L, 60_000L);
        assertThat(ttl("test:revoked:sid:family-ttl")).isBetween(595_000L, 600_000L);
        store.revokeFamily("family-ttl", Instant.now().plusSeconds(30));
        assertThat(ttl("test:revoked:sid:family-ttl")).as("the later revocation holds").isGreaterThan(595_000L);
        store.revokeToken("jti-ttl", Instant.now().plusSeconds(120));
        assertThat(ttl("test:revoked:jti:jti-ttl")).isBetween(115_000L, 120_000L);
        assertThat(server.command("DBSIZE")).isEqualTo(":2");
    }

    @Test
    void saveAndRotateWhenRefreshTokensKeptThenTheirKeysExpireAndHoldNoToken() throws IOException {
        TokenStore store = store(Clock.systemUTC());
        String token = OpaqueTokens.newRefreshToken();
        String hash = OpaqueTokens.hash(token);
        assertThat(hash).hasSize(43).isNotEqualTo(token);
        store.saveRefreshToken(hash, new RefreshGrant("stanley", List.of("items:read"), "family"),
                Instant.now().plusSeconds(3600));
        assertThat(ttl("test:refresh:" + hash)).isBetween(3_595_000L, 3_600_000L);
        String next = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        assertThat(store.rotateRefreshToken(hash, "family", next, Instant.now().plusSeconds(7200),
                Instant.now().plusSeconds(9000))).isEqualTo(Rotation.ROTATED);
        assertThat(ttl("test:refresh:" + next)).isBetween(7_195_000L, 7_200_000L);
        assertThat(ttl("test:refresh:" + hash)).as("the used token keeps its own expiry").isBetween(3_590_000L,
                3_600_000L);
        assertThat(store.rotateRefreshToken(hash, "family", OpaqueTokens.hash("other"), Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(9000))).isEqualTo(Rotation.REUSED);
        assertThat(ttl("test:revoked:sid:family")).isBetween(8_995_000L, 9_000_000L);
        assertThat(server.command("EXISTS", "test:refresh:" + token)).as("kept by its hash alone").isEqualTo(":0");
        assertThat(server.command("HSTRLEN", "test:refresh:" + hash, "user")).isEqualTo(":7");
    }

    @Test
    void storeWhenRedisStoppedThenUnavailableWithinTheTimeoutAndBackAfterItsRestart() {
        TokenStore store = store(Clock.systemUTC());
        store.revokeToken("jti-outage", Instant.now().plusSeconds(60));
        assertThat(store.isRevoked("jti-outage", null)).isTrue();
        server.stop();
        try {
            long start = System.nanoTime();
            StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class,
                    () -> store.isRevoked("jti-outage", "family"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(refused.outcome()).isEqualTo(SecurityOutcome.UNAVAILABLE);
            // For a second after a failure, Redis is not asked again: the next requests are refused at once, together
            // well under the 500 ms a single one would wait for the client's timeout.
            long next = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertThat(catchThrowableOfType(StoreUnavailableException.class,
                        () -> store.isRevoked("jti-outage", null))).isNotNull();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - next)).isLessThan(Duration.ofMillis(400));
            assertThat(catchThrowableOfType(StoreUnavailableException.class,
                    () -> store.revokeToken("jti", Instant.now().plusSeconds(60)))).isNotNull();
            assertThat(catchThrowableOfType(StoreUnavailableException.class,
                    () -> store.findRefreshToken("hash"))).isNotNull();
            assertThat(catchThrowableOfType(StoreUnavailableException.class,
                    () -> store.rotateRefreshToken("hash", "family", "next", Instant.now().plusSeconds(60),
                            Instant.now().plusSeconds(60)))).isNotNull();
        }
        finally {
            server.startAgain();
        }
        // Redis restarted without persistence: empty, and the scripts are sent again. The client reconnects by itself.
        await().atMost(Duration.ofSeconds(10)).ignoreException(StoreUnavailableException.class)
            .until(() -> !store.isRevoked("jti-outage", null));
        store.revokeFamily("family-after", Instant.now().plusSeconds(60));
        assertThat(store.isRevoked(null, "family-after")).isTrue();
        store.saveRefreshToken("hash-after", new RefreshGrant("stanley", List.of(), "f"), Instant.now().plusSeconds(60));
        assertThat(store.rotateRefreshToken("hash-after", "f", "next-after", Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(60))).isEqualTo(Rotation.ROTATED);
    }

    @Test
    void storeWhenRedisRefusesWritesThenUnavailableNotAServerErrorAndBackWhenItAcceptsThem() throws IOException {
        TokenStore store = store(Clock.systemUTC());
        store.revokeToken("jti-before", Instant.now().plusSeconds(60));
        // maxmemory of one byte with the default noeviction: every write is refused with an OOM error reply.
        assertThat(server.command("CONFIG", "SET", "maxmemory", "1")).isEqualTo("+OK");
        try {
            StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class,
                    () -> store.revokeToken("jti-oom", Instant.now().plusSeconds(60)));
            assertThat(refused).isNotNull();
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        finally {
            assertThat(server.command("CONFIG", "SET", "maxmemory", "0")).isEqualTo("+OK");
        }
        await().atMost(Duration.ofSeconds(5)).ignoreException(StoreUnavailableException.class).untilAsserted(() -> {
            store.revokeToken("jti-after", Instant.now().plusSeconds(60));
            assertThat(store.isRevoked("jti-after", null)).isTrue();
        });
        assertThat(store.isRevoked("jti-before", null)).isTrue();
    }

    private static long ttl(String key) throws IOException {
        String answer = server.command("PTTL", key);
        return Long.parseLong(answer.substring(1));
    }
}
