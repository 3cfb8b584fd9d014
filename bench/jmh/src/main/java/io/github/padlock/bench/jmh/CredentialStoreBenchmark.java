package io.github.padlock.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyHashes;
import io.github.padlock.credentials.ApiKeyLifecycle;
import io.github.padlock.credentials.CreatedApiKey;
import io.github.padlock.credentials.InMemoryApiKeyStore;
import io.github.padlock.credentials.InMemoryUserStore;
import io.github.padlock.credentials.JdbcApiKeyStore;
import io.github.padlock.credentials.JdbcUserStore;
import io.github.padlock.credentials.StoredApiKey;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the built-in credential checks cost per request with each store: the in-memory ones ({@code padlock.users},
 * {@code padlock.api-keys}) against the JDBC ones ({@code padlock.jdbc.*}) on H2 in memory and on PostgreSQL, each
 * behind a Hikari pool as in an application, with 1,000 other users and keys in the tables.
 * <ul>
 * <li>{@code apiKey}: {@code ApiKeyAuthenticator.check}, what the {@code api-keys} verifier does per request: the
 * store's lookup by id, then SHA-256 and a constant-time comparison;</li>
 * <li>{@code userLookup}: {@code UserStore.findUser} alone, the store's share of an HTTP Basic check;</li>
 * <li>{@code basic}: {@code UserAuthenticator.check}, what the {@code users} verifier does per request: the lookup,
 * then bcrypt at strength 10, Spring Security's default.</li>
 * </ul>
 * {@code store}: {@code memory} and {@code h2} by default; {@code postgresql} needs {@code PADLOCK_BENCH_POSTGRESQL_URL}
 * (a JDBC URL with its user), which {@code bench/jdbc.sh} sets after starting one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class CredentialStoreBenchmark {

    private static final int OTHERS = 1000;

    private static final String PASSWORD = "password123";

    /** Where users and keys are kept. */
    @Param({ "memory", "h2" })
    public String store;

    private @Nullable HikariDataSource pool;

    private ApiKeyAuthenticator apiKeys;

    private UserStore users;

    private UserAuthenticator userAuthenticator;

    private String key;

    @Setup
    public void setUp() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String hash = encoder.encode(PASSWORD);
        if (this.store.equals("memory")) {
            this.key = "demo." + "k".repeat(43);
            List<StoredApiKey> keys = new ArrayList<>();
            List<StoredUser> all = new ArrayList<>();
            keys.add(new StoredApiKey("demo", ApiKeyHashes.hash(this.key), List.of("items:read")));
            all.add(new StoredUser("stanley", hash, List.of("items:read"), false));
            for (int i = 0; i < OTHERS; i++) {
                keys.add(new StoredApiKey("other" + i, ApiKeyHashes.hash("other" + i + ".x"), List.of()));
                all.add(new StoredUser("user" + i, hash, List.of(), false));
            }
            this.apiKeys = new ApiKeyAuthenticator(new InMemoryApiKeyStore(keys), encoder);
            this.users = new InMemoryUserStore(all);
        }
        else {
            this.pool = pool();
            String platform = this.store;
            new ResourceDatabasePopulator(
                    new ClassPathResource("io/github/padlock/credentials/schema-users-" + platform + ".sql"),
                    new ClassPathResource("io/github/padlock/credentials/schema-api-keys-" + platform + ".sql"))
                .execute(this.pool);
            JdbcClient jdbc = JdbcClient.create(this.pool);
            jdbc.sql("DELETE FROM padlock_users").update();
            jdbc.sql("DELETE FROM padlock_api_keys").update();
            ApiKeyLifecycle lifecycle = new ApiKeyLifecycle(this.pool);
            CreatedApiKey created = lifecycle.create("demo", List.of("items:read"), null);
            this.key = created.key();
            jdbc.sql("INSERT INTO padlock_users (username, password_hash, scopes) VALUES (?, ?, ?)")
                .params("stanley", hash, "items:read")
                .update();
            for (int i = 0; i < OTHERS; i++) {
                lifecycle.create("other" + i, List.of(), null);
                jdbc.sql("INSERT INTO padlock_users (username, password_hash) VALUES (?, ?)")
                    .params("user" + i, hash)
                    .update();
            }
            this.apiKeys = new ApiKeyAuthenticator(new JdbcApiKeyStore(this.pool), encoder);
            this.users = new JdbcUserStore(this.pool);
        }
        this.userAuthenticator = new UserAuthenticator(this.users, encoder);
        if (this.apiKeys.check(this.key) == null || this.userAuthenticator.check("stanley", PASSWORD) == null) {
            throw new IllegalStateException("The key or the user does not check with " + this.store);
        }
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        if (this.store.equals("h2")) {
            pool.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        }
        else if (this.store.equals("postgresql")) {
            String url = System.getenv("PADLOCK_BENCH_POSTGRESQL_URL");
            if (url == null) {
                throw new IllegalStateException("store=postgresql needs PADLOCK_BENCH_POSTGRESQL_URL: see bench/jdbc.sh");
            }
            pool.setJdbcUrl(url);
        }
        else {
            throw new IllegalArgumentException("Unknown store " + this.store);
        }
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(2000);
        return pool;
    }

    @TearDown
    public void tearDown() {
        if (this.pool != null) {
            this.pool.close();
        }
    }

    @Benchmark
    public @Nullable StoredApiKey apiKey() {
        return this.apiKeys.check(this.key);
    }

    @Benchmark
    public @Nullable StoredUser userLookup() {
        return this.users.findUser("stanley");
    }

    @Benchmark
    public @Nullable StoredUser basic() {
        return this.userAuthenticator.check("stanley", PASSWORD);
    }
}
