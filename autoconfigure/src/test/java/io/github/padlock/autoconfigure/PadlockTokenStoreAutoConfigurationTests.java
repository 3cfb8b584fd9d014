package io.github.padlock.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.SecurityParam;
import io.github.padlock.jdbc.PostgresServer;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.oauth2.ExpiredTokenSweeper;
import io.github.padlock.oauth2.InMemoryTokenStore;
import io.github.padlock.oauth2.JdbcTokenStore;
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import io.github.padlock.oauth2.RedisTokenStore;
import io.github.padlock.oauth2.RefreshTokens;
import io.github.padlock.oauth2.TokenRevocationEndpoint;
import io.github.padlock.oauth2.TokenStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token store's configuration ({@link PadlockTokenStoreAutoConfiguration}, the JDBC store of
 * {@link PadlockJdbcAutoConfiguration}, their use in {@link PadlockJwtAutoConfiguration}): which store each value of
 * {@code padlock.token-endpoint.store} gives, the start-up failures that name the property, and the JDBC store on a
 * real PostgreSQL from the token endpoint to a refused token.
 */
class PadlockTokenStoreAutoConfigurationTests {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-long!";

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockJdbcAutoConfiguration.class, PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class,
                PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class))
        .withPropertyValues("padlock.users.stanley.password={noop}password123",
                "padlock.users.stanley.scopes=items:read", "padlock.jwt.secret=" + SECRET,
                "padlock.schemes.bearer.type=http-bearer", "padlock.verifiers.tokenUser.type=jwt",
                "padlock.verifiers.tokenUser.scheme=bearer");

    @Test
    void storeWhenTokenEndpointOnThenInMemoryByDefaultWithTheRevocationEndpoint() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(TokenStore.class).hasSingleBean(InMemoryTokenStore.class);
            assertThat(context).hasSingleBean(TokenRevocationEndpoint.class).doesNotHaveBean(RefreshTokens.class);
        });
    }

    @Test
    void storeWhenTokenEndpointOffThenNoneAndTheDecoderChecksNothing() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(JwtDecoder.class);
            assertThat(context).doesNotHaveBean(TokenStore.class).doesNotHaveBean(TokenRevocationEndpoint.class);
        });
    }

    @Test
    void storeWhenRevocationDisabledThenNoneNorEndpoint() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true",
                "padlock.token-endpoint.revocation.enabled=false").run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(PasswordTokenEndpoint.class);
                    assertThat(context).doesNotHaveBean(TokenStore.class)
                        .doesNotHaveBean(TokenRevocationEndpoint.class);
                });
    }

    @Test
    void refreshTokensWhenEnabledWithoutRevocationThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true",
                "padlock.token-endpoint.revocation.enabled=false", "padlock.token-endpoint.refresh-tokens.enabled=true")
            .run(failsWith("padlock.token-endpoint.refresh-tokens.enabled", "revocation.enabled"));
    }

    @Test
    void tokenEndpointWhenAccessTokenTtlOutOfRangeThenFailsNamingTheProperty() {
        for (String ttl : new String[] { "0s", "500ms", "-5m", "36501d" }) {
            this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true",
                    "padlock.token-endpoint.access-token-ttl=" + ttl)
                .run(failsWith("padlock.token-endpoint.access-token-ttl", "at least one second and at most 36500 days"));
        }
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true",
                "padlock.token-endpoint.access-token-ttl=36500d")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void refreshTokensWhenTimeToLiveUnderAMinuteThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true",
                "padlock.token-endpoint.refresh-tokens.enabled=true",
                "padlock.token-endpoint.refresh-tokens.time-to-live=30s")
            .run(failsWith("padlock.token-endpoint.refresh-tokens.time-to-live", "at least one minute"));
    }

    @Test
    void storeWhenUnknownValueThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true",
                "padlock.token-endpoint.store=mongo").run(failsWith("padlock.token-endpoint.store", "mongo"));
    }

    @Test
    void storeWhenRedisWithoutSpringDataRedisThenFailsNamingThePropertyAndTheDependency() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=redis")
            .run(failsWith("padlock.token-endpoint.store", "spring-boot-starter-data-redis"));
    }

    @Test
    void storeWhenRedisWithoutConnectionFactoryThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=redis")
            .run(failsWith("padlock.token-endpoint.store", "RedisConnectionFactory"));
    }

    @Test
    void storeWhenRedisWithConnectionFactoryThenRedisStoreWithoutConnectingAtStartUp() {
        // Nothing listens on port 1: the store must not need Redis to start.
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory("127.0.0.1", 1);
        this.contextRunner.withBean(RedisConnectionFactory.class, () -> unreachable)
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=redis",
                    "padlock.token-endpoint.redis.key-prefix=app:tokens:")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(RedisTokenStore.class).doesNotHaveBean(InMemoryTokenStore.class);
            });
    }

    @Test
    void storeWhenRedisKeyPrefixBlankThenFailsNamingTheProperty() {
        this.contextRunner.withBean(RedisConnectionFactory.class, () -> new LettuceConnectionFactory("127.0.0.1", 1))
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=redis",
                    "padlock.token-endpoint.redis.key-prefix= ")
            .run(failsWith("padlock.token-endpoint.redis.key-prefix", "blank"));
    }

    @Test
    void storeWhenJdbcWithoutSpringJdbcThenFailsNamingThePropertyAndTheDependency() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.jdbc", "org.springframework.boot.jdbc"))
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=jdbc")
            .run(failsWith("padlock.token-endpoint.store", "spring-boot-starter-jdbc"));
    }

    @Test
    void storeWhenJdbcWithoutDataSourceThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=jdbc")
            .run(failsWith("padlock.token-endpoint.store", "DataSource"));
    }

    @Test
    void storeWhenApplicationDeclaresOneThenItWins() {
        TokenStore own = new InMemoryTokenStore();
        this.contextRunner.withBean("ownStore", TokenStore.class, () -> own)
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=jdbc")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).getBean(TokenStore.class).isSameAs(own);
                assertThat(context).doesNotHaveBean(JdbcTokenStore.class);
            });
    }

    @Test
    void storeWhenJdbcThenTablesCreatedSweeperRunningAndRevokedTokensRefused() throws Exception {
        PostgresServer.assumeInstalled();
        PostgresServer server = PostgresServer.shared();
        String name = "token_store_autoconfiguration";
        server.createDatabase(name);
        DataSource dataSource = server.dataSource(name);
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withUserConfiguration(TokenController.class)
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=jdbc",
                    "padlock.token-endpoint.refresh-tokens.enabled=true", "padlock.jdbc.initialize-schema=always",
                    "padlock.token-endpoint.jdbc.revoked-table=app_revoked",
                    "padlock.token-endpoint.jdbc.refresh-table=app_refresh",
                    "padlock.token-endpoint.jdbc.sweep-interval=1h")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(JdbcTokenStore.class).hasSingleBean(ExpiredTokenSweeper.class);
                assertThat(context.getBean(ExpiredTokenSweeper.class).isRunning()).isTrue();
                MockMvcTester mvc = MockMvcTester.from(context);
                MvcTestResult token = mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("grant_type=password&username=stanley&password=password123").exchange();
                assertThat(token).hasStatusOk();
                String body = token.getResponse().getContentAsString();
                String accessToken = JsonPath.read(body, "$.access_token");
                String refreshToken = JsonPath.read(body, "$.refresh_token");
                JdbcClient jdbc = JdbcClient.create(dataSource);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM app_refresh").query(Long.class).single()).isEqualTo(1);
                assertThat(me(mvc, accessToken)).hasStatusOk();
                assertThat(mvc.post().uri("/token/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("token=" + refreshToken)).hasStatusOk();
                assertThat(me(mvc, accessToken)).hasStatus(HttpStatus.UNAUTHORIZED);
                assertThat(jdbc.sql("SELECT id FROM app_revoked").query(String.class).single()).startsWith("sid:");
                assertThat(jdbc.sql("SELECT expires_at > CURRENT_TIMESTAMP + INTERVAL '13 days' FROM app_revoked")
                    .query(Boolean.class).single()).as("as long as a refresh token lives").isTrue();
            });
    }

    @Test
    void sweepIntervalWhenUnderASecondThenFailsNamingTheProperty() {
        PostgresServer.assumeInstalled();
        DataSource dataSource = PostgresServer.shared().dataSource("postgres");
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=jdbc",
                    "padlock.jdbc.initialize-schema=never", "padlock.token-endpoint.jdbc.sweep-interval=10ms")
            .run(failsWith("padlock.token-endpoint.jdbc.sweep-interval", "at least one second"));
    }

    @Test
    void storeWhenJdbcTableNameUnsafeThenFailsNamingTheProperty() {
        PostgresServer.assumeInstalled();
        DataSource dataSource = PostgresServer.shared().dataSource("postgres");
        this.contextRunner.withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.token-endpoint.store=jdbc",
                    "padlock.jdbc.initialize-schema=never", "padlock.token-endpoint.jdbc.refresh-table=x; DROP TABLE y")
            .run(failsWith("padlock.token-endpoint.jdbc.refresh-table", "plain SQL identifier"));
    }

    private static MvcTestResult me(MockMvcTester mvc, String token) {
        return mvc.get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static ContextConsumer<AssertableWebApplicationContext> failsWith(String property, String reason) {
        return (context) -> {
            assertThat(context).hasFailed();
            String messages = messages(context.getStartupFailure());
            assertThat(messages).contains(property).contains(reason);
        };
    }

    private static String messages(@Nullable Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @RestController
    static class TokenController {

        @GetMapping("/me")
        Map<String, Object> me(@SecurityParam("tokenUser") JwtPrincipal principal) {
            return Map.of("subject", principal.subject(), "scopes", List.of(principal.scopes()));
        }
    }
}
