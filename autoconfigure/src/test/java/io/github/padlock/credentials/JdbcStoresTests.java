package io.github.padlock.credentials;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import io.github.padlock.jdbc.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The JDBC stores and the key lifecycle on a real PostgreSQL (Debian's package, started by {@link PostgresServer}),
 * with the tables of Padlock's own PostgreSQL schema: what a key's life looks like to the store that checks it.
 */
class JdbcStoresTests {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static DataSource dataSource;

    private static JdbcClient jdbc;

    private final JdbcApiKeyStore keys = new JdbcApiKeyStore(dataSource);

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(this.keys);

    private final ApiKeyLifecycle lifecycle = new ApiKeyLifecycle(dataSource);

    private final JdbcUserStore users = new JdbcUserStore(dataSource);

    @BeforeAll
    static void database() {
        PostgresServer.assumeInstalled();
        PostgresServer server = PostgresServer.shared();
        server.createDatabase("jdbc_stores");
        dataSource = server.dataSource("jdbc_stores");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
                new ClassPathResource("io/github/padlock/credentials/schema-users-postgresql.sql"),
                new ClassPathResource("io/github/padlock/credentials/schema-api-keys-postgresql.sql"));
        schema.execute(dataSource);
        schema.execute(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM padlock_users").update();
        jdbc.sql("DELETE FROM padlock_api_keys").update();
    }

    @Test
    void createWhenKeyPresentedThenCheckedWithItsScopesAndOnlyItsHashStored() {
        CreatedApiKey created = this.lifecycle.create("reporting-service", List.of("reports:read", "reports:read"),
                null);
        assertThat(created.key()).startsWith(created.id() + ".");
        assertThat(created.id()).hasSize(16).doesNotContain(".");
        assertThat(created.toString()).doesNotContain(created.key().substring(created.id().length() + 1));
        StoredApiKey checked = this.authenticator.check(created.key());
        assertThat(checked).isNotNull();
        assertThat(checked.scopes()).containsExactly("reports:read");
        String stored = jdbc.sql("SELECT hash FROM padlock_api_keys WHERE id = ?").param(created.id())
            .query(String.class)
            .single();
        assertThat(stored).isEqualTo(ApiKeyHashes.hash(created.key()));
        assertThat(this.authenticator.check(created.id() + ".wrong")).isNull();
        assertThat(this.authenticator.check("unknown." + created.key().substring(17))).isNull();
    }

    @Test
    void findWhenCreatedThenDetailsWithoutTheHash() {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(30));
        CreatedApiKey created = this.lifecycle.create("reporting-service", List.of("reports:read"), expiresAt);
        ApiKeyDetails details = this.lifecycle.find(created.id()).orElseThrow();
        assertThat(details.owner()).isEqualTo("reporting-service");
        assertThat(details.scopes()).containsExactly("reports:read");
        assertThat(details.expiresAt()).isEqualTo(expiresAt.truncatedTo(ChronoUnit.MICROS));
        assertThat(details.revokedAt()).isNull();
        assertThat(details.active()).isTrue();
        assertThat(details.createdAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(this.lifecycle.find("nothing")).isEmpty();
    }

    @Test
    void revokeWhenKeyRevokedThenRefusedAtTheNextCheck() {
        CreatedApiKey created = this.lifecycle.create("ci", List.of(), null);
        assertThat(this.authenticator.check(created.key())).isNotNull();
        assertThat(this.lifecycle.revoke(created.id())).isTrue();
        assertThat(this.authenticator.check(created.key())).isNull();
        assertThat(this.lifecycle.revoke(created.id())).isFalse();
        assertThat(this.lifecycle.revoke("nothing")).isFalse();
        ApiKeyDetails details = this.lifecycle.find(created.id()).orElseThrow();
        assertThat(details.revokedAt()).isNotNull();
        assertThat(details.active()).isFalse();
    }

    @Test
    void createWhenExpiryPassedThenRefusedAndWhenAheadThenAccepted() {
        CreatedApiKey expired = this.lifecycle.create("ci", List.of(), Instant.now().minusSeconds(1));
        CreatedApiKey current = this.lifecycle.create("ci", List.of(), Instant.now().plusSeconds(3600));
        assertThat(this.authenticator.check(expired.key())).isNull();
        assertThat(this.authenticator.check(current.key())).isNotNull();
        assertThat(this.lifecycle.find(expired.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void rotateWhenOverlapEndsThenOldRefusedAndNewAccepted() {
        CreatedApiKey old = this.lifecycle.create("billing", List.of("invoices:write"), null);
        CreatedApiKey rotated = this.lifecycle.rotate(old.id(), Duration.ofMillis(1500)).orElseThrow();
        assertThat(rotated.id()).isNotEqualTo(old.id());
        assertThat(this.authenticator.check(old.key())).isNotNull();
        StoredApiKey successor = this.authenticator.check(rotated.key());
        assertThat(successor).isNotNull();
        assertThat(successor.scopes()).containsExactly("invoices:write");
        ApiKeyDetails oldDetails = this.lifecycle.find(old.id()).orElseThrow();
        assertThat(oldDetails.expiresAt()).isNotNull();
        assertThat(this.lifecycle.find(rotated.id()).orElseThrow().owner()).isEqualTo("billing");
        assertThat(this.lifecycle.find(rotated.id()).orElseThrow().expiresAt()).isNull();
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> this.authenticator.check(old.key()) == null);
        assertThat(Instant.now()).isAfterOrEqualTo(oldDetails.expiresAt());
        assertThat(this.authenticator.check(rotated.key())).isNotNull();
    }

    @Test
    void rotateWhenOldExpiresBeforeTheOverlapThenItsExpiryStaysAndTheNewKeyInheritsIt() {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        CreatedApiKey old = this.lifecycle.create("billing", List.of(), expiresAt);
        CreatedApiKey rotated = this.lifecycle.rotate(old.id(), Duration.ofDays(7)).orElseThrow();
        Instant micros = expiresAt.truncatedTo(ChronoUnit.MICROS);
        assertThat(this.lifecycle.find(old.id()).orElseThrow().expiresAt()).isEqualTo(micros);
        assertThat(this.lifecycle.find(rotated.id()).orElseThrow().expiresAt()).isEqualTo(micros);
    }

    @Test
    void rotateWhenZeroOverlapThenOldRefusedAtOnce() {
        CreatedApiKey old = this.lifecycle.create("billing", List.of(), null);
        CreatedApiKey rotated = this.lifecycle.rotate(old.id(), Duration.ZERO).orElseThrow();
        assertThat(this.authenticator.check(old.key())).isNull();
        assertThat(this.authenticator.check(rotated.key())).isNotNull();
    }

    @Test
    void rotateWhenUnknownRevokedOrExpiredThenNothing() {
        CreatedApiKey revoked = this.lifecycle.create("ci", List.of(), null);
        this.lifecycle.revoke(revoked.id());
        CreatedApiKey expired = this.lifecycle.create("ci", List.of(), Instant.now().minusSeconds(1));
        assertThat(this.lifecycle.rotate("nothing")).isEmpty();
        assertThat(this.lifecycle.rotate(revoked.id())).isEmpty();
        assertThat(this.lifecycle.rotate(expired.id())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM padlock_api_keys").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void rotateWhenDefaultOverlapThenOldValidForIt() {
        ApiKeyLifecycle hourly = new ApiKeyLifecycle(dataSource, JdbcApiKeyStore.DEFAULT_TABLE,
                Duration.ofSeconds(2), Duration.ofHours(1));
        CreatedApiKey old = hourly.create("billing", List.of(), null);
        hourly.rotate(old.id()).orElseThrow();
        Instant end = this.lifecycle.find(old.id()).orElseThrow().expiresAt();
        assertThat(end).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(this.authenticator.check(old.key())).isNotNull();
    }

    @Test
    void createWhenOwnerOrScopeMalformedThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.lifecycle.create(" ", List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> this.lifecycle.create("a\nb", List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> this.lifecycle.create("x".repeat(201), List.of(), null));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.lifecycle.create("ci", List.of("two words"), null));
        assertThatIllegalArgumentException().isThrownBy(() -> this.lifecycle.rotate("x", Duration.ofSeconds(-1)));
    }

    @Test
    void lookupWhenANulCharacterThenNothingFoundRatherThanTheDatabasesError() {
        CreatedApiKey created = this.lifecycle.create("ci", List.of(), null);
        assertThat(this.authenticator.check(created.id() + "\u0000." + "x")).isNull();
        assertThat(this.keys.findApiKey("\u0000")).isNull();
        assertThat(this.users.findUser("stan\u0000ley")).isNull();
        assertThat(this.lifecycle.find("\u0000")).isEmpty();
        assertThat(this.lifecycle.revoke("\u0000")).isFalse();
        assertThat(this.lifecycle.rotate("\u0000")).isEmpty();
    }

    @Test
    void tableWhenNotAPlainIdentifierThenRefused() {
        for (String table : List.of("keys; DROP TABLE padlock_users", "\"keys\"", "1keys", "a.b.c", "", "k-eys",
                "x".repeat(64))) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new JdbcApiKeyStore(dataSource, table, Duration.ofSeconds(1)))
                .withMessageContaining("plain SQL identifier");
        }
        assertThat(new JdbcUserStore(dataSource, "public.padlock_users", Duration.ofSeconds(1)).findUser("x"))
            .isNull();
    }

    @Test
    void userStoreWhenUserInTableThenFoundWithScopesAndUpgradedHashWritten() {
        jdbc.sql("INSERT INTO padlock_users (username, password_hash, scopes) VALUES (?, ?, ?)")
            .params("stanley", "{noop}password123", "items:read items:write")
            .update();
        jdbc.sql("INSERT INTO padlock_users (username, password_hash, disabled) VALUES (?, ?, TRUE)")
            .params("alice", "{noop}secret2")
            .update();
        StoredUser stanley = this.users.findUser("stanley");
        assertThat(stanley).isNotNull();
        assertThat(stanley.scopes()).containsExactly("items:read", "items:write");
        assertThat(stanley.disabled()).isFalse();
        StoredUser alice = this.users.findUser("alice");
        assertThat(alice).isNotNull();
        assertThat(alice.scopes()).isEmpty();
        assertThat(alice.disabled()).isTrue();
        assertThat(this.users.findUser("Stanley")).isNull();
        UserAuthenticator authenticator = new UserAuthenticator(this.users, ENCODER);
        assertThat(authenticator.check("stanley", "password123")).isNotNull();
        assertThat(this.users.findUser("stanley").passwordHash()).startsWith("{bcrypt}");
        assertThat(authenticator.check("stanley", "password123")).isNotNull();
    }

    @Test
    void userAuthenticatorWhenUnknownUserOrWrongPasswordThenOneEncoderCheckEach() {
        jdbc.sql("INSERT INTO padlock_users (username, password_hash) VALUES (?, ?)")
            .params("stanley", ENCODER.encode("password123"))
            .update();
        AtomicInteger matches = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {

            @Override
            public String encode(CharSequence rawPassword) {
                return ENCODER.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                matches.incrementAndGet();
                return ENCODER.matches(rawPassword, encodedPassword);
            }
        };
        UserAuthenticator authenticator = new UserAuthenticator(this.users, counting);
        assertThat(authenticator.check("nobody", "password123")).isNull();
        assertThat(matches).hasValue(1);
        assertThat(authenticator.check("stanley", "wrong")).isNull();
        assertThat(matches).hasValue(2);
        assertThat(Optional.ofNullable(authenticator.check("stanley", "password123"))).isPresent();
    }
}
