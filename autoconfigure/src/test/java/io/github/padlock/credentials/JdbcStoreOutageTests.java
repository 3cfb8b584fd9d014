package io.github.padlock.credentials;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import io.github.padlock.SecurityOutcome;
import io.github.padlock.jdbc.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The JDBC stores when the database does not answer — stopped, or holding a lock longer than the query timeout: a
 * {@link StoreUnavailableException} (503, {@code Retry-After}, not counted as a guess) within the timeout, never a
 * hang; and the same stores working again once the database is back, without a restart. On the shared PostgreSQL,
 * which the outage test stops and starts again.
 */
class JdbcStoreOutageTests {

    private static PostgresServer server;

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        PostgresServer.assumeInstalled();
        server = PostgresServer.shared();
        server.createDatabase("outage");
        dataSource = server.dataSource("outage");
        new ResourceDatabasePopulator(
                new ClassPathResource("io/github/padlock/credentials/schema-users-postgresql.sql"),
                new ClassPathResource("io/github/padlock/credentials/schema-api-keys-postgresql.sql"))
            .execute(dataSource);
    }

    @Test
    void storesWhenDatabaseStoppedThenUnavailableAtOnceAndBackAfterItsRestart() {
        JdbcApiKeyStore keys = new JdbcApiKeyStore(dataSource);
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys);
        ApiKeyLifecycle lifecycle = new ApiKeyLifecycle(dataSource);
        JdbcUserStore users = new JdbcUserStore(dataSource);
        CreatedApiKey created = lifecycle.create("ci", List.of("reports:read"), null);
        assertThat(authenticator.check(created.key())).isNotNull();
        server.stop();
        try {
            long start = System.nanoTime();
            StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class,
                    () -> authenticator.check(created.key()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(refused.getBody().getDetail()).isEqualTo(StoreUnavailableException.DETAIL);
            assertThat(refused.outcome()).isEqualTo(SecurityOutcome.UNAVAILABLE);
            assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> users.findUser("stanley"));
            assertThatExceptionOfType(StoreUnavailableException.class)
                .isThrownBy(() -> lifecycle.create("ci", List.of(), null));
            assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> lifecycle.rotate("x"));
            assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> lifecycle.revoke("x"));
            users.updatePassword("stanley", "{noop}x");
        }
        finally {
            server.startAgain();
        }
        assertThat(authenticator.check(created.key())).isNotNull();
        assertThat(users.findUser("stanley")).isNull();
    }

    @Test
    void storeWhenRowLockedLongerThanTheTimeoutThenUnavailableAfterTheTimeout() throws Exception {
        JdbcApiKeyStore keys = new JdbcApiKeyStore(dataSource, JdbcApiKeyStore.DEFAULT_TABLE, Duration.ofSeconds(1));
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE padlock_api_keys IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> keys.findApiKey("x"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
                    Duration.ofSeconds(4));
            blocker.rollback();
        }
        assertThat(keys.findApiKey("x")).isNull();
    }

    @Test
    void storeWhenTableMissingThenAMistakeRatherThanAnOutage() {
        JdbcApiKeyStore keys = new JdbcApiKeyStore(dataSource, "no_such_table", Duration.ofSeconds(1));
        assertThatExceptionOfType(BadSqlGrammarException.class).isThrownBy(() -> keys.findApiKey("x"));
    }
}
