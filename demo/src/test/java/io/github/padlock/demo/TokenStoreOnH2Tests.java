package io.github.padlock.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import io.github.padlock.oauth2.JdbcTokenStore;
import io.github.padlock.oauth2.TokenStore.RefreshGrant;
import io.github.padlock.oauth2.TokenStore.Rotation;
import io.github.padlock.oauth2.TokenStore.StoredRefreshToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Padlock's JDBC token store on H2, the demo's embedded database, with the H2 schema Padlock ships
 * ({@code io/github/padlock/oauth2/schema-tokens-h2.sql}, run twice as an initializer would at each start-up): the same
 * SQL as on PostgreSQL (whose tests are in the autoconfigure module) revokes, rotates once among concurrent uses,
 * detects reuse and sweeps.
 */
class TokenStoreOnH2Tests {

    private static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:token-store;DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
                new ClassPathResource("io/github/padlock/oauth2/schema-tokens-h2.sql"));
        schema.execute(dataSource);
        schema.execute(dataSource);
    }

    @Test
    void storeWhenOnH2ThenRevokesRotatesDetectsReuseAndSweeps() {
        JdbcTokenStore store = new JdbcTokenStore(dataSource);
        Instant inAnHour = Instant.now().plusSeconds(3600);
        store.revokeToken("jti-1", inAnHour);
        store.revokeToken("jti-1", inAnHour.plusSeconds(60));
        store.revokeFamily("family-1", inAnHour);
        assertThat(store.isRevoked("jti-1", null)).isTrue();
        assertThat(store.isRevoked("jti-2", "family-1")).isTrue();
        assertThat(store.isRevoked("jti-2", "family-2")).isFalse();
        assertThat(store.isRevoked("x".repeat(300), null)).isFalse();

        RefreshGrant grant = new RefreshGrant("johndoe", List.of("items:read"), "family-2");
        store.saveRefreshToken("first", grant, inAnHour);
        assertThat(store.findRefreshToken("first")).isEqualTo(new StoredRefreshToken(grant, false));
        assertThat(store.rotateRefreshToken("first", "family-2", "second", inAnHour, inAnHour))
            .isEqualTo(Rotation.ROTATED);
        assertThat(store.findRefreshToken("second")).isEqualTo(new StoredRefreshToken(grant, false));
        assertThat(store.rotateRefreshToken("first", "family-2", "third", inAnHour, inAnHour))
            .isEqualTo(Rotation.REUSED);
        assertThat(store.isRevoked(null, "family-2")).isTrue();
        assertThat(store.findRefreshToken("second")).isNull();

        store.saveRefreshToken("expired", grant, Instant.now().minusSeconds(1));
        assertThat(store.sweep()).isEqualTo(1);
        assertThat(JdbcClient.create(dataSource)
            .sql("SELECT token_hash FROM padlock_refresh_tokens WHERE token_hash IN ('first', 'second', 'expired')")
            .query(String.class).list()).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void rotateWhenManyThreadsPresentOneTokenThenExactlyOneRotates() throws Exception {
        JdbcTokenStore store = new JdbcTokenStore(dataSource);
        Instant inAnHour = Instant.now().plusSeconds(3600);
        store.saveRefreshToken("contended", new RefreshGrant("johndoe", List.of(), "family-c"), inAnHour);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<Rotation>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String successor = "successor-" + i;
                Callable<Rotation> rotation = () -> {
                    start.await();
                    return store.rotateRefreshToken("contended", "family-c", successor, inAnHour, inAnHour);
                };
                results.add(executor.submit(rotation));
            }
            start.countDown();
            int rotated = 0;
            for (Future<Rotation> result : results) {
                rotated += (result.get() == Rotation.ROTATED) ? 1 : 0;
            }
            assertThat(rotated).isEqualTo(1);
            assertThat(store.isRevoked(null, "family-c")).isTrue();
        }
        finally {
            executor.shutdownNow();
        }
    }
}
