package io.github.padlock.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.autoconfigure.PadlockJwtAutoConfiguration;
import io.github.padlock.autoconfigure.PadlockTokenStoreAutoConfiguration;
import io.github.padlock.autoconfigure.PadlockUsersAutoConfiguration;
import io.github.padlock.scheme.ApiKeyHeader;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Required means present, as a generated matrix: {built-in {@code users}, {@code api-keys}, {@code jwt}, a user's
 * {@code Verifier.of}, a bare scheme} × {{@code autoError} on, off} × {parameter non-null, {@code @Nullable},
 * {@code Optional}, {@code @RequiresSecurity}} × {no scopes, scopes} × {alone, inside {@code anyOf}} × {no
 * credentials, wrong, right without the scope, right with it}. Each cell asserts the status, the
 * {@code WWW-Authenticate} challenges and whether the handler ran.
 * <p>
 * The expected outcome is computed by {@link #expected} from the rules the README states ("How Padlock decides"), not
 * from Padlock's code: a scope is never granted to nobody, a required value is never absent, every 401 carries the
 * challenges of the schemes beneath, and scopes asked of a bare scheme fail the start-up. The {@code anyOf} partner
 * ({@code other}) is a verifier over an optional API key that the requests never send, so it always produces nothing.
 */
class FailClosedMatrixTests {

    private static final String JWT_SECRET = "fail-closed-matrix-7Qm2Zk9xVb4nHt1sLp8dRw3yCe6uJa5g";

    private static final String ADMIN_KEY = "admin.Zx81-admin-secret";

    private static final String PLAIN_KEY = "plain.Qw93-plain-secret";

    private static final String BASIC_CHALLENGE = "Basic realm=\"matrix\"";

    private static final String API_KEY_CHALLENGE = "APIKey";

    private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\", "
            + "error_description=\"Invalid token\"";

    private static final String INSUFFICIENT_SCOPE_CHALLENGE = "Bearer error=\"insufficient_scope\", scope=\"admin\"";

    static final AtomicInteger handlerCalls = new AtomicInteger();

    enum Kind {

        USERS, API_KEYS, JWT, USER_VERIFIER, BARE_SCHEME

    }

    enum Param {

        NON_NULL("non-null"), NULLABLE("nullable"), OPTIONAL("optional"), REQUIRES("requires");

        final String path;

        Param(String path) {
            this.path = path;
        }

    }

    enum Credentials {

        NONE, WRONG, RIGHT_WITHOUT_SCOPE, RIGHT_WITH_SCOPE

    }

    /** What the dependency itself does with the credentials, before the plan's rules. */
    private enum Produces {

        VALUE, NOTHING, REFUSED_401, REFUSED_403

    }

    record Outcome(int status, List<String> challenges, boolean handlerRan, boolean valueInjected) {
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (boolean autoError : new boolean[] { true, false }) {
                tests.add(DynamicTest.dynamicTest(kind + ", autoError " + (autoError ? "on" : "off"),
                        () -> runCells(kind, autoError)));
            }
        }
        for (boolean autoError : new boolean[] { true, false }) {
            tests.add(DynamicTest.dynamicTest("BARE_SCHEME with scopes, autoError " + (autoError ? "on" : "off")
                    + ": refused at start-up", () -> runner(Kind.BARE_SCHEME, autoError)
                        .withUserConfiguration(ScopedHandlers.class)
                        .run((context) -> assertThat(context).hasFailed()
                            .getFailure()
                            .hasMessageContaining("asks the scopes [admin] of the scheme 'dep'")
                            .hasMessageContaining(ScopedHandlers.class.getName()))));
        }
        return tests.stream();
    }

    private void runCells(Kind kind, boolean autoError) {
        WebApplicationContextRunner runner = runner(kind, autoError).withUserConfiguration(UnscopedHandlers.class);
        if (kind != Kind.BARE_SCHEME) {
            runner = runner.withUserConfiguration(ScopedHandlers.class);
        }
        runner.run((context) -> {
            assertThat(context).hasNotFailed();
            MockMvcTester mvc = MockMvcTester.from(context);
            SoftAssertions softly = new SoftAssertions();
            int cells = 0;
            for (boolean scoped : new boolean[] { false, true }) {
                if (scoped && kind == Kind.BARE_SCHEME) {
                    continue;
                }
                for (boolean anyOf : new boolean[] { false, true }) {
                    for (Param param : Param.values()) {
                        for (Credentials credentials : Credentials.values()) {
                            String path = (scoped ? "/scoped" : "") + (anyOf ? "/any-of/" : "/alone/") + param.path;
                            String cell = kind + ", autoError " + autoError + ", " + path + ", " + credentials;
                            Outcome expected = expected(kind, autoError, param, scoped, anyOf, credentials);
                            handlerCalls.set(0);
                            MvcTestResult result = credentials(kind, credentials, mvc.get().uri(path)).exchange();
                            softly.assertThat(actual(result)).as(cell).isEqualTo(expected);
                            cells++;
                        }
                    }
                }
            }
            softly.assertThat(cells).isEqualTo((kind == Kind.BARE_SCHEME) ? 32 : 64);
            softly.assertAll();
        });
    }

    private static Outcome actual(MvcTestResult result) throws java.io.UnsupportedEncodingException {
        int status = result.getResponse().getStatus();
        List<String> challenges = result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE);
        String body = (status == 200) ? result.getResponse().getContentAsString(StandardCharsets.UTF_8) : "";
        return new Outcome(status, challenges, handlerCalls.get() == 1, body.equals("value"));
    }

    /** The rules, cell by cell: what the dependency does, then what the plan makes of it. */
    static Outcome expected(Kind kind, boolean autoError, Param param, boolean scoped, boolean anyOf,
            Credentials credentials) {
        Produces produces = switch (credentials) {
            case NONE -> autoError ? Produces.REFUSED_401 : Produces.NOTHING;
            case WRONG -> Produces.REFUSED_401;
            case RIGHT_WITHOUT_SCOPE -> scoped ? Produces.REFUSED_403 : Produces.VALUE;
            case RIGHT_WITH_SCOPE -> Produces.VALUE;
        };
        List<String> missing = List.of(schemeChallenge(kind));
        List<String> refusal = (credentials == Credentials.WRONG) ? List.of(wrongChallenge(kind)) : missing;
        if (produces == Produces.NOTHING && scoped) {
            // A verifier asked for scopes that produces nothing: a scope is never granted to nobody.
            produces = Produces.REFUSED_401;
        }
        List<String> alternatives = anyOf ? List.of(API_KEY_CHALLENGE) : List.of();
        return switch (produces) {
            case VALUE -> new Outcome(200, List.of(), true, param != Param.REQUIRES);
            // RFC 6750's challenge only over bearer tokens; the problem body names the scope either way.
            case REFUSED_403 -> new Outcome(403, (kind == Kind.JWT) ? List.of(INSUFFICIENT_SCOPE_CHALLENGE) : List.of(),
                    false, false);
            case REFUSED_401 -> new Outcome(401, union(refusal, alternatives), false, false);
            case NOTHING -> (param == Param.NON_NULL || param == Param.REQUIRES)
                    ? new Outcome(401, union(missing, alternatives), false, false)
                    : new Outcome(200, List.of(), true, false);
        };
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return List.copyOf(union);
    }

    private static String schemeChallenge(Kind kind) {
        return switch (kind) {
            case USERS, BARE_SCHEME -> BASIC_CHALLENGE;
            case API_KEYS, USER_VERIFIER -> API_KEY_CHALLENGE;
            case JWT -> "Bearer";
        };
    }

    /** What the dependency answers wrong credentials with; the user verifier's refusal carries no challenge. */
    private static String wrongChallenge(Kind kind) {
        return (kind == Kind.JWT) ? INVALID_TOKEN_CHALLENGE : schemeChallenge(kind);
    }

    private static MockMvcTester.MockMvcRequestBuilder credentials(Kind kind, Credentials credentials,
            MockMvcTester.MockMvcRequestBuilder request) {
        if (credentials == Credentials.NONE) {
            return request;
        }
        boolean admin = credentials == Credentials.RIGHT_WITH_SCOPE;
        boolean wrong = credentials == Credentials.WRONG;
        return switch (kind) {
            case USERS -> request.header(HttpHeaders.AUTHORIZATION,
                    basic(wrong ? "plain:wrong" : admin ? "admin:adminpass" : "plain:plainpass"));
            case BARE_SCHEME -> request.header(HttpHeaders.AUTHORIZATION,
                    wrong ? "Basic not*base64" : basic("anyone:anything"));
            case API_KEYS -> request.header("X-Key", wrong ? "plain.wrong" : admin ? ADMIN_KEY : PLAIN_KEY);
            case USER_VERIFIER -> request.header("X-User-Key", wrong ? "guess" : admin ? "admin-key" : "user-key");
            case JWT -> request.header(HttpHeaders.AUTHORIZATION,
                    "Bearer " + token(wrong ? "another-secret-entirely-9Fz3Lq7Wm1Xc5Vb8Nk2Hs6Dj4" : JWT_SECRET,
                            admin ? "admin" : ""));
        };
    }

    private static WebApplicationContextRunner runner(Kind kind, boolean autoError) {
        WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class,
                    PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class))
            .withUserConfiguration(OtherConfiguration.class)
            .withPropertyValues("matrix.auto-error=" + autoError);
        String scheme = "padlock.schemes.depScheme.";
        return switch (kind) {
            case USERS -> runner.withPropertyValues(scheme + "type=http-basic", scheme + "realm=matrix",
                    scheme + "auto-error=" + autoError, "padlock.verifiers.dep.type=users",
                    "padlock.verifiers.dep.scheme=depScheme", "padlock.users.admin.password=" + bcrypt("adminpass"),
                    "padlock.users.admin.scopes=admin", "padlock.users.plain.password=" + bcrypt("plainpass"));
            case API_KEYS -> runner.withPropertyValues(scheme + "type=api-key-header", scheme + "name=X-Key",
                    scheme + "auto-error=" + autoError, "padlock.verifiers.dep.type=api-keys",
                    "padlock.verifiers.dep.scheme=depScheme", "padlock.api-keys.admin.hash=" + sha256(ADMIN_KEY),
                    "padlock.api-keys.admin.scopes=admin", "padlock.api-keys.plain.hash=" + sha256(PLAIN_KEY));
            case JWT -> runner.withPropertyValues(scheme + "type=oauth2-password-bearer", scheme + "token-url=/token",
                    scheme + "auto-error=" + autoError, "padlock.verifiers.dep.type=jwt",
                    "padlock.verifiers.dep.scheme=depScheme", "padlock.jwt.secret=" + JWT_SECRET);
            case USER_VERIFIER -> runner.withUserConfiguration(UserVerifierConfiguration.class);
            case BARE_SCHEME -> runner.withPropertyValues("padlock.schemes.dep.type=http-basic",
                    "padlock.schemes.dep.realm=matrix", "padlock.schemes.dep.auto-error=" + autoError);
        };
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String bcrypt(String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
    }

    private static String sha256(String key) {
        try {
            return "sha256:" + HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String token(String secret, String scope) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("matrix")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (!scope.isEmpty()) {
            claims.claim("scope", scope);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    /** The {@code anyOf} partner: a verifier over an optional API key that produces nothing when no key came. */
    @Configuration(proxyBeanMethods = false)
    static class OtherConfiguration {

        @Bean
        ApiKeyHeader otherScheme() {
            return ApiKeyHeader.builder().name("X-Other").schemeName("OtherKey").autoError(false).build();
        }

        @Bean
        Verifier<Object> other(@Qualifier("otherScheme") ApiKeyHeader otherScheme) {
            return Verifier.of(otherScheme, (key, scopes) -> {
                if (key == null) {
                    return null;
                }
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
            });
        }
    }

    /**
     * What a Spring developer writes first: a verifier that refuses with {@code ResponseStatusException} (no
     * challenge) and passes nothing through.
     */
    @Configuration(proxyBeanMethods = false)
    static class UserVerifierConfiguration {

        @Bean
        ApiKeyHeader depScheme(Environment environment) {
            return ApiKeyHeader.builder()
                .name("X-User-Key")
                .schemeName("UserKey")
                .autoError(environment.getRequiredProperty("matrix.auto-error", Boolean.class))
                .build();
        }

        @Bean
        Verifier<Object> dep(@Qualifier("depScheme") ApiKeyHeader depScheme) {
            return Verifier.of(depScheme, (key, scopes) -> {
                if (key == null) {
                    return null;
                }
                List<String> granted = switch (key) {
                    case "admin-key" -> List.of("admin");
                    case "user-key" -> List.of();
                    default -> throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Unknown key");
                };
                scopes.require(granted);
                return "user:" + key;
            });
        }
    }

    private static String ran(@Nullable Object value) {
        handlerCalls.incrementAndGet();
        return (value != null) ? "value" : "nothing";
    }

    @RestController
    static class UnscopedHandlers {

        @GetMapping("/alone/non-null")
        String nonNull(@SecurityParam("dep") Object value) {
            return ran(value);
        }

        @GetMapping("/alone/nullable")
        String nullable(@SecurityParam("dep") @Nullable Object value) {
            return ran(value);
        }

        @GetMapping("/alone/optional")
        String optional(@SecurityParam("dep") Optional<Object> value) {
            return ran(value.orElse(null));
        }

        @GetMapping("/alone/requires")
        @RequiresSecurity("dep")
        String requires() {
            return ran(null);
        }

        @GetMapping("/any-of/non-null")
        String anyNonNull(@SecurityParam(anyOf = { "dep", "other" }) Object value) {
            return ran(value);
        }

        @GetMapping("/any-of/nullable")
        String anyNullable(@SecurityParam(anyOf = { "dep", "other" }) @Nullable Object value) {
            return ran(value);
        }

        @GetMapping("/any-of/optional")
        String anyOptional(@SecurityParam(anyOf = { "dep", "other" }) Optional<Object> value) {
            return ran(value.orElse(null));
        }

        @GetMapping("/any-of/requires")
        @RequiresSecurity(anyOf = { "dep", "other" })
        String anyRequires() {
            return ran(null);
        }
    }

    @RestController
    static class ScopedHandlers {

        @GetMapping("/scoped/alone/non-null")
        String nonNull(@SecurityParam(value = "dep", scopes = "admin") Object value) {
            return ran(value);
        }

        @GetMapping("/scoped/alone/nullable")
        String nullable(@SecurityParam(value = "dep", scopes = "admin") @Nullable Object value) {
            return ran(value);
        }

        @GetMapping("/scoped/alone/optional")
        String optional(@SecurityParam(value = "dep", scopes = "admin") Optional<Object> value) {
            return ran(value.orElse(null));
        }

        @GetMapping("/scoped/alone/requires")
        @RequiresSecurity(value = "dep", scopes = "admin")
        String requires() {
            return ran(null);
        }

        @GetMapping("/scoped/any-of/non-null")
        String anyNonNull(@SecurityParam(anyOf = { "dep", "other" }, scopes = "admin") Object value) {
            return ran(value);
        }

        @GetMapping("/scoped/any-of/nullable")
        String anyNullable(@SecurityParam(anyOf = { "dep", "other" }, scopes = "admin") @Nullable Object value) {
            return ran(value);
        }

        @GetMapping("/scoped/any-of/optional")
        String anyOptional(@SecurityParam(anyOf = { "dep", "other" }, scopes = "admin") Optional<Object> value) {
            return ran(value.orElse(null));
        }

        @GetMapping("/scoped/any-of/requires")
        @RequiresSecurity(anyOf = { "dep", "other" }, scopes = "admin")
        String anyRequires() {
            return ran(null);
        }
    }
}
