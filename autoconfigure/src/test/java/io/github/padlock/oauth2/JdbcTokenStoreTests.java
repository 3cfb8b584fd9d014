package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

import io.github.padlock.credentials.StoreUnavailableException;
import io.github.padlock.jdbc.PostgresServer;
import io.github.padlock.oauth2.TokenStore.RefreshGrant;
import io.github.padlock.oauth2.TokenStore.Rotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JdbcTokenStore} on a real PostgreSQL (Debian's package, started by {@link PostgresServer}) with Padlock's
 * PostgreSQL schema: the contract, what the rows hold (a hash, never the token), expiry on the application's clock,
 * the sweep, and a database that stops.
 */
class JdbcTokenStoreTests extends TokenStoreContract {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static PostgresServer server;

    private static DataSource dataSource;

    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        PostgresServer.assumeInstalled();
        server = PostgresServer.shared();
        server.createDatabase("token_store");
        dataSource = server.dataSource("token_store");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
                new ClassPathResource("io/github/padlock/oauth2/schema-tokens-postgresql.sql"));
        schema.execute(dataSource);
        schema.execute(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM padlock_revoked_tokens").update();
        jdbc.sql("DELETE FROM padlock_refresh_tokens").update();
    }

    @Override
    TokenStore store(Clock clock) {
        return new JdbcTokenStore(dataSource, JdbcTokenStore.DEFAULT_REVOKED_TABLE,
                JdbcTokenStore.DEFAULT_REFRESH_TABLE, Duration.ofSeconds(2), clock);
    }

    @Test
    void saveRefreshTokenWhenKeptThenTheRowHoldsItsHashNeverTheToken() {
        TokenStore store = store(Clock.systemUTC());
        String token = OpaqueTokens.newRefreshToken();
        store.saveRefreshToken(OpaqueTokens.hash(token), new RefreshGrant("stanley", List.of("a", "b"), "fam"),
                Instant.now().plusSeconds(60));
        assertThat(jdbc.sql("SELECT token_hash || family || username || scopes FROM padlock_refresh_tokens")
            .query(String.class).single()).isEqualTo(OpaqueTokens.hash(token) + "famstanleya b")
            .doesNotContain(token);
    }

    @Test
    void isRevokedAndFindWhenTheirTimeHasPassedThenIgnoredEvenBeforeTheSweep() {
        MovableClock clock = new MovableClock(START);
        TokenStore store = store(clock);
        store.revokeToken("jti", START.plusSeconds(60));
        store.revokeFamily("family", START.plusSeconds(120));
        store.saveRefreshToken("hash", new RefreshGrant("stanley", List.of(), "other"), START.plusSeconds(90));
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.isRevoked("jti", null)).isFalse();
        assertThat(store.isRevoked("jti", "family")).isTrue();
        assertThat(store.findRefreshToken("hash")).isNotNull();
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.findRefreshToken("hash")).isNull();
        assertThat(store.rotateRefreshToken("hash", "other", "next", START.plusSeconds(900), START.plusSeconds(900)))
            .isEqualTo(Rotation.REFUSED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.isRevoked("jti", "family")).isFalse();
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void sweepWhenRowsExpiredThenDeletesThemAndKeepsTheOthers() {
        MovableClock clock = new MovableClock(START);
        JdbcTokenStore store = (JdbcTokenStore) store(clock);
        store.revokeToken("old", START.plusSeconds(60));
        store.revokeToken("new", START.plusSeconds(600));
        store.revokeFamily("old-family", START.plusSeconds(60));
        store.saveRefreshToken("old-hash", new RefreshGrant("stanley", List.of(), "f"), START.plusSeconds(60));
        store.saveRefreshToken("new-hash", new RefreshGrant("stanley", List.of(), "f"), START.plusSeconds(600));
        assertThat(store.sweep()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.sweep()).isEqualTo(3);
        assertThat(rows()).isEqualTo(2);
        assertThat(store.isRevoked("new", null)).isTrue();
        assertThat(store.findRefreshToken("new-hash")).isNotNull();
        new ExpiredTokenSweeper(store, Duration.ofSeconds(1)).sweep();
        assertThat(rows()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(540));
        new ExpiredTokenSweeper(store, Duration.ofSeconds(1)).sweep();
        assertThat(rows()).isZero();
    }

    @Test
    void storeWhenDatabaseStoppedThenUnavailableAndBackAfterItsRestart() {
        TokenStore store = store(Clock.systemUTC());
        store.revokeToken("jti-outage", Instant.now().plusSeconds(60));
        server.stop();
        try {
            assertThatExceptionOfType(StoreUnavailableException.class)
                .isThrownBy(() -> store.isRevoked("jti-outage", null));
            assertThatExceptionOfType(StoreUnavailableException.class)
                .isThrownBy(() -> store.revokeFamily("family", Instant.now().plusSeconds(60)));
            assertThatExceptionOfType(StoreUnavailableException.class)
                .isThrownBy(() -> store.rotateRefreshToken("h", "f", "n", Instant.now().plusSeconds(60),
                        Instant.now().plusSeconds(60)));
            new ExpiredTokenSweeper((JdbcTokenStore) store, Duration.ofSeconds(1)).sweep();
        }
        finally {
            server.startAgain();
        }
        assertThat(store.isRevoked("jti-outage", null)).isTrue();
    }

    private static long rows() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM padlock_revoked_tokens) + (SELECT COUNT(*) FROM "
                + "padlock_refresh_tokens)").query(Long.class).single();
    }
}
