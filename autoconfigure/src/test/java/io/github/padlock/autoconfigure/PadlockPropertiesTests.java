package io.github.padlock.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import io.github.padlock.scheme.ApiKeyCookie;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.ApiKeyQuery;
import io.github.padlock.scheme.HttpBase;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.HttpDigest;
import io.github.padlock.scheme.OAuth2;
import io.github.padlock.scheme.OAuth2AuthorizationCodeBearer;
import io.github.padlock.scheme.OAuth2PasswordBearer;
import io.github.padlock.scheme.OpenIdConnect;
import io.github.padlock.scheme.SecuritySchemeModel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code padlock.*} in {@code application.yml}: every property group creates its beans with its options applied,
 * and a bad value fails the start-up naming the property (and never showing a secret).
 */
class PadlockPropertiesTests {

    private static final String BCRYPT = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("pw");

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-long!";

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class,
                PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class));

    @Test
    void schemesWhenEveryTypeThenBeansWithTheirOptions() {
        this.contextRunner.withPropertyValues("padlock.schemes.basic.type=http-basic",
                "padlock.schemes.basic.realm=store", "padlock.schemes.basic.description=Basic auth",
                "padlock.schemes.bearer.type=http-bearer", "padlock.schemes.bearer.bearer-format=JWT",
                "padlock.schemes.digest.type=http-digest", "padlock.schemes.digest.auto-error=false",
                "padlock.schemes.other.type=http-base", "padlock.schemes.other.scheme=Other",
                "padlock.schemes.header.type=api-key-header", "padlock.schemes.header.name=X-API-KEY",
                "padlock.schemes.header.scheme-name=HeaderKey",
                "padlock.schemes.query.type=api-key-query", "padlock.schemes.query.name=key",
                "padlock.schemes.cookie.type=api-key-cookie", "padlock.schemes.cookie.name=session",
                "padlock.schemes.generic.type=oauth2", "padlock.schemes.generic.flows.password.token-url=/token",
                "padlock.schemes.generic.flows.authorization-code.authorization-url=/authorize",
                "padlock.schemes.generic.flows.authorization-code.token-url=/token",
                "padlock.schemes.password.type=oauth2-password-bearer", "padlock.schemes.password.token-url=token",
                "padlock.schemes.password.refresh-url=refresh",
                "padlock.schemes.password.scopes.[items.read]=Read items.",
                "padlock.schemes.code.type=oauth2-authorization-code-bearer",
                "padlock.schemes.code.authorization-url=authorize", "padlock.schemes.code.token-url=token",
                "padlock.schemes.oidc.type=openid-connect", "padlock.schemes.oidc.open-id-connect-url=/openid")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                HttpBasic basic = context.getBean("basic", HttpBasic.class);
                assertThat(basic.challenge()).isEqualTo("Basic realm=\"store\"");
                assertThat(basic.model()).isEqualTo(new SecuritySchemeModel.Http("basic", null, "Basic auth"));
                assertThat(context.getBean("bearer", HttpBearer.class).bearerFormat()).isEqualTo("JWT");
                assertThat(context.getBean("digest", HttpDigest.class).autoError()).isFalse();
                assertThat(context.getBean("other", HttpBase.class).scheme()).isEqualTo("Other");
                assertThat(context.getBean("header", ApiKeyHeader.class).schemeName()).isEqualTo("HeaderKey");
                assertThat(context.getBean("query", ApiKeyQuery.class).name()).isEqualTo("key");
                assertThat(context.getBean("cookie", ApiKeyCookie.class).name()).isEqualTo("session");
                SecuritySchemeModel.Flows flows = context.getBean("generic", OAuth2.class).flows();
                assertThat(flows.password().tokenUrl()).isEqualTo("/token");
                assertThat(flows.authorizationCode().authorizationUrl()).isEqualTo("/authorize");
                assertThat(context.getBean("password", OAuth2PasswordBearer.class).flow())
                    .isEqualTo(new SecuritySchemeModel.Flow(null, "token", "refresh", Map.of("items.read",
                            "Read items.")));
                assertThat(context.getBean("code", OAuth2AuthorizationCodeBearer.class).flow().authorizationUrl())
                    .isEqualTo("authorize");
                assertThat(context.getBean("oidc", OpenIdConnect.class).openIdConnectUrl()).isEqualTo("/openid");
            });
    }

    @Test
    void schemesWhenYamlScopesWithColonsInBracketsThenKeptWhole() {
        this.contextRunner.withInitializer((context) -> {
            try {
                new YamlPropertySourceLoader().load("scopes", new ClassPathResource("padlock-scopes.yml"))
                    .forEach(context.getEnvironment().getPropertySources()::addFirst);
            }
            catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        }).run((context) -> assertThat(context.getBean("oauth2", OAuth2PasswordBearer.class).flow().scopes())
            .containsExactly(Map.entry("items:read", "Read items."), Map.entry("items:write", "Write items.")));
    }

    @Test
    void schemesWhenTypeUnknownThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.schemes.basic.type=http-magic")
            .run(failsWith("padlock.schemes.basic.type"));
    }

    @Test
    void schemesWhenTypeMissingThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.schemes.basic.realm=store")
            .run(failsWith("padlock.schemes.basic.type"));
    }

    @Test
    void schemesWhenRequiredOptionMissingThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.schemes.key.type=api-key-header")
            .run(failsWith("padlock.schemes.key.name"));
        this.contextRunner.withPropertyValues("padlock.schemes.oauth2.type=oauth2-password-bearer")
            .run(failsWith("padlock.schemes.oauth2.token-url"));
        this.contextRunner.withPropertyValues("padlock.schemes.other.type=http-base", "padlock.schemes.other.scheme=a b")
            .run(failsWith("padlock.schemes.other"));
    }

    @Test
    void schemesWhenTokenEndpointEnabledThenTokenUrlDefaultsToItBelowTheContextPath() {
        this.contextRunner.withPropertyValues("padlock.schemes.oauth2.type=oauth2-password-bearer",
                "padlock.token-endpoint.enabled=true", "padlock.token-endpoint.path=/auth/token",
                "server.servlet.context-path=/api", "padlock.users.stanley.password=" + BCRYPT,
                "padlock.jwt.secret=" + SECRET)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean("oauth2", OAuth2PasswordBearer.class).flow().tokenUrl())
                    .isEqualTo("/api/auth/token");
                assertThat(context).hasSingleBean(PasswordTokenEndpoint.class);
                assertThat(context).hasSingleBean(JwtIssuer.class);
            });
    }

    @Test
    void usersWhenHashedThenStoreAndAuthenticator() {
        this.contextRunner.withPropertyValues("padlock.users.stanley.password=" + BCRYPT,
                "padlock.users.stanley.scopes=items:read,items:write", "padlock.users.alice.password={noop}pw",
                "padlock.users.alice.disabled=true", "padlock.users.[bob@example.com].password=" + BCRYPT)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                UserStore store = context.getBean(UserStore.class);
                assertThat(store.findUser("stanley").scopes()).containsExactly("items:read", "items:write");
                assertThat(store.findUser("alice").disabled()).isTrue();
                assertThat(store.findUser("bob@example.com")).isNotNull();
                assertThat(context.getBean(UserAuthenticator.class).check("stanley", "pw")).isNotNull();
            });
    }

    @Test
    void usersWhenPlainPasswordThenFailsNamingThePropertyWithoutThePassword() {
        this.contextRunner.withPropertyValues("padlock.users.stanley.password=password123").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("padlock.users.stanley.password")
                .contains("{noop}")
                .doesNotContain("password123");
        });
    }

    @Test
    void usersWhenWeakOrUnknownEncoderThenFails() {
        this.contextRunner.withPropertyValues("padlock.users.stanley.password={MD5}5f4dcc3b5aa765d61d8327deb882cf99")
            .run(failsWith("padlock.users.stanley.password"));
        this.contextRunner.withPropertyValues("padlock.users.stanley.password={rot13}cnffjbeq")
            .run(failsWith("padlock.users.stanley.password"));
    }

    @Test
    void usersWhenArgon2AndBouncyCastlePresentThenAccepted() {
        String argon2 = new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 1).encode("pw");
        this.contextRunner.withPropertyValues("padlock.users.stanley.password={argon2}" + argon2).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(UserAuthenticator.class).check("stanley", "pw")).isNotNull();
        });
    }

    @Test
    void usersWhenApplicationHasAUserStoreThenItReplacesTheList() {
        this.contextRunner.withUserConfiguration(DatabaseUsers.class)
            .withPropertyValues("padlock.users.stanley.password=" + BCRYPT)
            .run((context) -> {
                assertThat(context).hasSingleBean(UserStore.class);
                assertThat(context.getBean(UserStore.class).findUser("stanley")).isNull();
                assertThat(context.getBean(UserAuthenticator.class).check("db-user", "pw")).isNotNull();
            });
    }

    @Test
    void usersWhenNoneThenNoUserBeans() {
        this.contextRunner.run((context) -> {
            assertThat(context).doesNotHaveBean(UserStore.class);
            assertThat(context).doesNotHaveBean(UserAuthenticator.class);
            assertThat(context).doesNotHaveBean(ApiKeyAuthenticator.class);
            assertThat(context).doesNotHaveBean(JwtDecoder.class);
        });
    }

    @Test
    void apiKeysWhenHashedThenAuthenticator() {
        this.contextRunner.withPropertyValues("padlock.api-keys.reporting.hash=sha256:" + "ab".repeat(32),
                "padlock.api-keys.reporting.scopes=reports:read")
            .run((context) -> assertThat(context).hasSingleBean(ApiKeyAuthenticator.class));
    }

    @Test
    void apiKeysWhenHashMalformedThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.api-keys.reporting.hash=sha256:1234")
            .run(failsWith("padlock.api-keys.reporting.hash"));
        this.contextRunner.withPropertyValues("padlock.api-keys.reporting.hash=reporting.plainsecret")
            .run((context) -> assertThat(messages(context.getStartupFailure()))
                .contains("padlock.api-keys.reporting.hash")
                .doesNotContain("plainsecret"));
    }

    @Test
    void verifiersWhenUsersOverBasicThenVerifierBean() {
        this.contextRunner.withPropertyValues("padlock.schemes.basicAuth.type=http-basic",
                "padlock.users.stanley.password=" + BCRYPT, "padlock.verifiers.currentUser.type=users",
                "padlock.verifiers.currentUser.scheme=basicAuth")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean("currentUser")).isInstanceOf(Verifier.class);
            });
    }

    @Test
    void verifiersWhenSchemeOfTheWrongKindThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.schemes.key.type=api-key-header", "padlock.schemes.key.name=k",
                "padlock.users.stanley.password=" + BCRYPT, "padlock.verifiers.currentUser.type=users",
                "padlock.verifiers.currentUser.scheme=key")
            .run(failsWith("padlock.verifiers.currentUser.scheme"));
    }

    @Test
    void verifiersWhenSchemeMissingThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.users.stanley.password=" + BCRYPT,
                "padlock.verifiers.currentUser.type=users", "padlock.verifiers.currentUser.scheme=nothing")
            .run(failsWith("padlock.verifiers.currentUser.scheme"));
    }

    @Test
    void verifiersWhenNothingToCheckAgainstThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.schemes.basicAuth.type=http-basic",
                "padlock.verifiers.currentUser.type=users", "padlock.verifiers.currentUser.scheme=basicAuth")
            .run(failsWith("padlock.verifiers.currentUser.type"));
    }

    @Test
    void jwtWhenSecretThenVerifierAndJwtVerifierBean() {
        this.contextRunner.withPropertyValues("padlock.jwt.secret=" + SECRET, "padlock.jwt.issuer=padlock",
                "padlock.schemes.oauth2.type=oauth2-password-bearer", "padlock.schemes.oauth2.token-url=/token",
                "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=oauth2",
                "padlock.schemes.bearer.type=http-bearer", "padlock.verifiers.bearerUser.type=jwt",
                "padlock.verifiers.bearerUser.scheme=bearer")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(JwtDecoder.class);
                assertThat(context.getBean("tokenUser")).isInstanceOf(Verifier.class);
                assertThat(context.getBean("bearerUser")).isInstanceOf(Verifier.class);
                assertThat(context).doesNotHaveBean(JwtIssuer.class);
            });
    }

    @Test
    void jwtWhenSecretTooShortThenFailsNamingThePropertyWithoutTheSecret() {
        this.contextRunner.withPropertyValues("padlock.jwt.secret=tooshortsecret").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("padlock.jwt").contains("secret")
                .doesNotContain("tooshortsecret");
        });
    }

    @Test
    void jwtWhenJwkSetUriIsPlainHttpToAnotherHostThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.jwt.jwk-set-uri=http://issuer.example/jwks",
                "padlock.jwt.audience=store-api")
            .run(failsWith("padlock.jwt.jwk-set-uri"));
        this.contextRunner.withPropertyValues("padlock.jwt.jwk-set-uri=http://127.0.0.1:9000/jwks",
                "padlock.jwt.audience=store-api")
            .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void jwtWhenSecretHasTooLittleVarietyOrIsTheOldDemoSecretThenFailsNamingThePropertyWithoutTheSecret() {
        for (String secret : List.of("x".repeat(32), "Xk7#Wp2!".repeat(4),
                "padlock-demo-development-secret-not-for-production")) {
            this.contextRunner.withPropertyValues("padlock.jwt.secret=" + secret).run((context) -> {
                assertThat(context).hasFailed();
                assertThat(messages(context.getStartupFailure())).contains("'padlock.jwt.secret'")
                    .contains("openssl rand -base64 48")
                    .doesNotContain(secret.substring(0, 8));
            });
        }
        this.contextRunner.withPropertyValues("padlock.jwt.secret=peer-bench-hs256-secret-32-bytes")
            .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void jwtWhenJwkSetUriWithoutAudienceThenFailsNamingAudienceUnlessNotRequired() {
        this.contextRunner.withPropertyValues("padlock.jwt.jwk-set-uri=https://issuer.example/jwks")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(messages(context.getStartupFailure())).contains("padlock.jwt.audience")
                    .contains("audience-required");
            });
        this.contextRunner.withPropertyValues("padlock.jwt.jwk-set-uri=https://issuer.example/jwks",
                "padlock.jwt.audience-required=false")
            .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
        this.contextRunner.withPropertyValues("padlock.jwt.secret=" + SECRET, "padlock.jwt.audience-required=true")
            .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void jwtWhenTypeSetThenTokenEndpointWritesItAndTheDecoderRequiresIt() {
        this.contextRunner.withPropertyValues("padlock.jwt.secret=" + SECRET, "padlock.jwt.type=at+jwt",
                "padlock.token-endpoint.enabled=true", "padlock.users.stanley.password=" + BCRYPT)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                String issued = context.getBean(JwtIssuer.class)
                    .issue("stanley", List.of(), Duration.ofMinutes(5))
                    .value();
                assertThat(SignedJWT.parse(issued).getHeader().getType().getType()).isEqualTo("at+jwt");
                JwtDecoder decoder = context.getBean(JwtDecoder.class);
                assertThat(decoder.decode(issued).subject()).isEqualTo("stanley");
                SignedJWT plain = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .build(), SignedJWT.parse(issued).getJWTClaimsSet());
                plain.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
                assertThatExceptionOfType(NotAuthenticatedException.class)
                    .isThrownBy(() -> decoder.decode(plain.serialize()));
            });
        this.contextRunner.withPropertyValues("padlock.jwt.secret=" + SECRET, "padlock.jwt.type=at+jwt; v=1")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(messages(context.getStartupFailure())).contains("padlock.jwt.type")
                    .contains("must be a media type without parameters, such as at+jwt");
            });
    }

    @Test
    void tokenEndpointWhenEnabledWithoutUsersThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.jwt.secret=" + SECRET)
            .run(failsWith("padlock.token-endpoint.enabled"));
    }

    private static ContextConsumer<AssertableWebApplicationContext> failsWith(String property) {
        return (context) -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(property);
        };
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class DatabaseUsers {

        @Bean
        UserStore databaseUserStore() {
            return (username) -> username.equals("db-user") ? new StoredUser("db-user", BCRYPT, List.of(), false)
                    : null;
        }
    }
}
