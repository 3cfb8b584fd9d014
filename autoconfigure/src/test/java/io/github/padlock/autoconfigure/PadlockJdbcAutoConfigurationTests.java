package io.github.padlock.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyLifecycle;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.ApiKeyStore;
import io.github.padlock.credentials.CreatedApiKey;
import io.github.padlock.credentials.InMemoryUserStore;
import io.github.padlock.credentials.JdbcApiKeyStore;
import io.github.padlock.credentials.JdbcUserStore;
import io.github.padlock.credentials.StoreUnavailableException;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.jdbc.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PadlockJdbcAutoConfiguration}: the JDBC stores when their property says so, in place of the in-memory ones;
 * their tables created as {@code padlock.jdbc.initialize-schema} says, with the configured names, before the
 * application's {@code data.sql}; the start-up refusals that name the property; and a database that does not answer
 * answered 503 by the gate. On a real PostgreSQL ({@link PostgresServer}), a database per test that creates tables.
 */
class PadlockJdbcAutoConfigurationTests {

    private static PostgresServer server;

    private static int databases;

    /** For the tests that create no table. */
    private static DataSource scratch;

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockJdbcAutoConfiguration.class, PadlockAutoConfiguration.class,
                PadlockUsersAutoConfiguration.class));

    @BeforeAll
    static void postgres() {
        PostgresServer.assumeInstalled();
        server = PostgresServer.shared();
        scratch = database();
    }

    /** A new, empty database. */
    private static synchronized DataSource database() {
        String name = "autoconfiguration_" + (++databases);
        server.createDatabase(name);
        return server.dataSource(name);
    }

    @Test
    void usersWhenEnabledThenTheTableIsTheUserStoreBehindTheAuthenticator() {
        DataSource dataSource = database();
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.initialize-schema=always")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(UserStore.class).hasSingleBean(JdbcUserStore.class);
                assertThat(context).doesNotHaveBean(InMemoryUserStore.class).doesNotHaveBean(ApiKeyStore.class);
                JdbcClient.create(dataSource)
                    .sql("INSERT INTO padlock_users (username, password_hash) VALUES ('stanley', '{noop}pw')")
                    .update();
                assertThat(context.getBean(UserAuthenticator.class).check("stanley", "pw")).isNotNull();
            });
    }

    @Test
    void apiKeysWhenEnabledThenTheTableIsTheKeyStoreWithItsLifecycle() {
        DataSource dataSource = database();
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.jdbc.api-keys.enabled=true", "padlock.jdbc.initialize-schema=always",
                    "padlock.jdbc.api-keys.rotation-overlap=0s")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(JdbcApiKeyStore.class).hasSingleBean(ApiKeyLifecycle.class);
                assertThat(context).doesNotHaveBean(JdbcUserStore.class);
                ApiKeyLifecycle lifecycle = context.getBean(ApiKeyLifecycle.class);
                ApiKeyAuthenticator authenticator = context.getBean(ApiKeyAuthenticator.class);
                CreatedApiKey created = lifecycle.create("ci", List.of(), null);
                assertThat(authenticator.check(created.key())).isNotNull();
                CreatedApiKey rotated = lifecycle.rotate(created.id()).orElseThrow();
                assertThat(authenticator.check(created.key())).as("rotation-overlap 0s").isNull();
                assertThat(authenticator.check(rotated.key())).isNotNull();
            });
    }

    @Test
    void jdbcWhenNotEnabledThenNothingOfIt() {
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(JdbcUserStore.class).doesNotHaveBean(JdbcApiKeyStore.class);
                assertThat(context).doesNotHaveBean(ApiKeyLifecycle.class)
                    .doesNotHaveBean(PadlockSchemaInitializer.class);
            });
    }

    @Test
    void initializeSchemaWhenAlwaysThenTheTablesOfTheEnabledStoresWithTheConfiguredNames() {
        DataSource dataSource = database();
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.users.table=acme_users",
                    "padlock.jdbc.api-keys.enabled=true", "padlock.jdbc.api-keys.table=public.acme_keys",
                    "padlock.jdbc.initialize-schema=always")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(tables(dataSource)).containsExactly("acme_keys", "acme_users");
                CreatedApiKey created = context.getBean(ApiKeyLifecycle.class).create("ci", List.of(), null);
                assertThat(context.getBean(ApiKeyAuthenticator.class).check(created.key())).isNotNull();
            });
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.users.table=acme_users",
                    "padlock.jdbc.initialize-schema=always")
            .run((context) -> assertThat(context).as("tables that exist are kept").hasNotFailed());
    }

    @Test
    void initializeSchemaWhenEmbeddedByDefaultThenAPostgresqlDatabaseIsLeftAlone() {
        DataSource dataSource = database();
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.api-keys.enabled=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(tables(dataSource)).isEmpty();
            });
    }

    @Test
    void initializeSchemaWhenApplicationDataSqlFillsPadlocksTableThenPadlocksSchemaComesFirst() {
        DataSource dataSource = database();
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.users.table=acme_users",
                    "padlock.jdbc.initialize-schema=always", "spring.sql.init.mode=always",
                    "spring.sql.init.data-locations=classpath:io/github/padlock/autoconfigure/jdbc-data.sql")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                BeanDefinition scripts = context.getBeanFactory()
                    .getBeanDefinition("dataSourceScriptDatabaseInitializer");
                assertThat(scripts.getDependsOn()).contains("padlockSchemaInitializer");
                assertThat(context.getBean(UserAuthenticator.class).check("stanley", "password123")).isNotNull();
            });
    }

    @Test
    void usersWhenAlsoListedInPadlockUsersThenTheStartupFailsNamingTheProperty() {
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.users.stanley.password={noop}pw")
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.users.enabled")
                .contains("padlock.users lists users too"));
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .withPropertyValues("padlock.jdbc.api-keys.enabled=true",
                    "padlock.api-keys.demo.hash=sha256:" + "0".repeat(64))
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.api-keys.enabled")
                .contains("padlock.api-keys lists keys too"));
    }

    @Test
    void tableWhenNotAPlainIdentifierThenTheStartupFailsNamingTheProperty() {
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .withPropertyValues("padlock.jdbc.api-keys.enabled=true",
                    "padlock.jdbc.api-keys.table=keys; DROP TABLE padlock_users")
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.api-keys.table")
                .contains("plain SQL identifier"));
    }

    @Test
    void durationsWhenNotPositiveThenTheStartupFailsNamingTheProperty() {
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.query-timeout=0s")
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.query-timeout"));
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .withPropertyValues("padlock.jdbc.api-keys.enabled=true", "padlock.jdbc.api-keys.rotation-overlap=-1s")
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.api-keys.rotation-overlap"));
    }

    @Test
    void storesWhenNoDataSourceThenTheStartupFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.jdbc.api-keys.enabled=true")
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.api-keys.enabled")
                .contains("DataSource"));
    }

    @Test
    void storesWhenTheApplicationDeclaresItsOwnThenTheyBackOff() {
        this.contextRunner.withBean(DataSource.class, () -> scratch)
            .withBean(UserStore.class, () -> (username) -> null)
            .withBean(ApiKeyStore.class, () -> (id) -> null)
            .withPropertyValues("padlock.jdbc.users.enabled=true", "padlock.jdbc.api-keys.enabled=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(JdbcUserStore.class).doesNotHaveBean(JdbcApiKeyStore.class);
                assertThat(context).doesNotHaveBean(ApiKeyLifecycle.class);
                assertThat(context).hasSingleBean(UserAuthenticator.class).hasSingleBean(ApiKeyAuthenticator.class);
            });
    }

    @Test
    void storesWhenSpringJdbcMissingThenTheStartupFailsNamingTheDependency() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(DatabaseDriver.class))
            .withPropertyValues("padlock.jdbc.users.enabled=true")
            .run((context) -> assertThat(messages(context)).contains("padlock.jdbc.users.enabled")
                .contains("org.springframework.boot:spring-boot-starter-jdbc")
                .doesNotContain("padlock-spring-boot-starter brings it"));
    }

    @Test
    void gateWhenTheDatabaseDoesNotAnswerThen503ProblemWithRetryAfterNeverCountedAsAGuess() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/none");
        nowhere.setConnectTimeout(1);
        this.contextRunner.withBean(DataSource.class, () -> nowhere)
            .withUserConfiguration(KeyController.class)
            .withPropertyValues("padlock.jdbc.api-keys.enabled=true", "padlock.schemes.apiKey.type=api-key-header",
                    "padlock.schemes.apiKey.name=X-API-KEY", "padlock.verifiers.keyUser.type=api-keys",
                    "padlock.verifiers.keyUser.scheme=apiKey", "padlock.brute-force.enabled=true",
                    "padlock.brute-force.max-failures=1")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MockMvcTester mvc = MockMvcTester.from(context);
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    assertThat(mvc.get().uri("/reports").header("X-API-KEY", "reporting.secret"))
                        .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .hasHeader(HttpHeaders.RETRY_AFTER, "5")
                        .bodyJson()
                        .extractingPath("$.detail")
                        .isEqualTo(StoreUnavailableException.DETAIL);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                }
                assertThat(mvc.get().uri("/reports")).as("no key: no database needed")
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            });
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> tables(DataSource dataSource) {
        return JdbcClient.create(dataSource)
            .sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
            .query(String.class)
            .list();
    }

    private static String messages(AssertableWebApplicationContext context) {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @RestController
    static class KeyController {

        @GetMapping("/reports")
        Map<String, Object> reports(@SecurityParam("keyUser") ApiKeyPrincipal key) {
            return Map.of("id", key.id());
        }
    }
}
