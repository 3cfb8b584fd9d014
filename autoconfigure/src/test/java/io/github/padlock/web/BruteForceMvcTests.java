package io.github.padlock.web;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.BruteForceLimiter;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brute-force limiter through Spring MVC: 429 with {@code Retry-After} before any credential is checked, for
 * HTTP Basic and the token endpoint together, per client only, so other clients with the right password still get
 * in. Every test uses its own client addresses, since the limiter (3 failures a minute, on a hand-moved clock) is
 * shared by the context.
 */
@SpringBootTest(classes = BruteForceMvcTests.App.class, properties = { "padlock.brute-force.enabled=true",
        "padlock.schemes.basicAuth.type=http-basic", "padlock.verifiers.basicUser.type=users",
        "padlock.verifiers.basicUser.scheme=basicAuth", "padlock.users.stanley.password={noop}password123",
        "padlock.users.alice.password={noop}wonderland", "padlock.users.racer1.password={noop}race@10.0.9.1#pw",
        "padlock.users.racer2.password={noop}race@10.0.9.2#pw", "padlock.schemes.oauth2.type=oauth2-password-bearer",
        "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=oauth2",
        "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!", "padlock.token-endpoint.enabled=true",
        "padlock.token-endpoint.refresh-tokens.enabled=true" })
@AutoConfigureMockMvc
class BruteForceMvcTests {

    static final MovableClock CLOCK = new MovableClock();

    @Autowired
    private MockMvcTester mvc;

    @Test
    void apiDocsWhenLimiterOnThenSecuredOperationsDocumentTooManyRequestsWithRetryAfter() {
        assertThat(this.mvc.get().uri("/v3/api-docs")).bodyJson()
            .extractingPath("$.paths['/users/me'].get.responses['429'].headers")
            .asMap()
            .containsOnlyKeys("Retry-After");
        assertThat(this.mvc.get().uri("/v3/api-docs")).bodyJson()
            .extractingPath("$.paths['/users/me'].get.responses['429'].content['application/problem+json'].schema.$ref")
            .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void apiDocsWhenTokenEndpointThenOwnTagPublicAndTokenBodiesWithSlowDown() {
        MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).bodyJson().extractingPath("$.paths['/token'].post.tags").asArray().containsExactly("OAuth2");
        assertThat(docs).bodyJson().extractingPath("$.paths['/token'].post.security").asArray().isEmpty();
        assertThat(docs).bodyJson()
            .extractingPath("$.paths['/token'].post.responses")
            .asMap()
            .containsOnlyKeys("200", "400", "429", "503");
        assertThat(docs).bodyJson()
            .extractingPath("$.components.schemas.TokenResponse.required")
            .asArray()
            .containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "scope", "refresh_token");
        assertThat(docs).bodyJson()
            .extractingPath("$.paths['/token'].post.requestBody.content['application/x-www-form-urlencoded'].schema"
                    + ".oneOf[*].$ref")
            .asArray()
            .containsExactly("#/components/schemas/OAuth2PasswordRequestFormStrict",
                    "#/components/schemas/RefreshTokenRequest");
        assertThat(docs).bodyJson()
            .extractingPath("$.components.schemas.RefreshTokenRequest.required")
            .asArray()
            .containsExactly("grant_type", "refresh_token");
        assertThat(docs).bodyJson()
            .extractingPath("$.paths['/token/revoke'].post.responses")
            .asMap()
            .containsOnlyKeys("200", "400", "503");
        assertThat(docs).bodyJson()
            .extractingPath("$.paths['/token'].post.responses['429'].content['application/problem+json'].schema.$ref")
            .isEqualTo("#/components/schemas/TokenError");
    }

    @Test
    void getWhenMaxFailuresThenTooManyRequestsEvenForTheRightPasswordUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("10.0.1.1", "stanley:wrong" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        MvcTestResult refused = get("10.0.1.1", "stanley:password123");
        assertTooManyRequests(refused, "60");
        assertThat(body(refused)).doesNotContain("password123").doesNotContain("stanley");
        CLOCK.advance(Duration.ofSeconds(45));
        assertTooManyRequests(get("10.0.1.1", "stanley:password123"), "15");
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(get("10.0.1.1", "stanley:password123")).hasStatusOk();
    }

    @Test
    void getWhenOneClientRefusedThenOtherClientsWithTheRightPasswordGetIn() {
        for (int i = 0; i < 5; i++) {
            get("10.0.2.1", "stanley:wrong");
        }
        assertTooManyRequests(get("10.0.2.1", "stanley:password123"), "60");
        assertThat(get("10.0.2.2", "stanley:password123")).hasStatusOk();
        assertThat(get("10.0.2.3", "alice:wonderland")).hasStatusOk();
    }

    @Test
    void getWhenRefusedThenUnprotectedEndpointsStillServed() {
        for (int i = 0; i < 3; i++) {
            get("10.0.3.1", "stanley:wrong");
        }
        assertThat(this.mvc.get().uri("/public").with((request) -> {
            request.setRemoteAddr("10.0.3.1");
            return request;
        })).hasStatusOk();
    }

    @Test
    void getWhenMissingCredentialsThenNotCountedAsFailures() {
        // curl --anyauth, and every browser, sends a first request without credentials: no guess was made.
        for (int i = 0; i < 20; i++) {
            assertThat(get("10.0.4.1", null)).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(get("10.0.4.1", "stanley:password123")).hasStatusOk();
        }
    }

    @Test
    void getWhenSuccessBetweenFailuresThenFailuresNotErased() {
        get("10.0.5.1", "stanley:wrong");
        get("10.0.5.1", "stanley:wrong");
        assertThat(get("10.0.5.1", "alice:wonderland")).hasStatusOk();
        get("10.0.5.1", "stanley:wrong");
        assertTooManyRequests(get("10.0.5.1", "alice:wonderland"), "60");
    }

    @Test
    void getWhenInvalidRequestThenNotCountedAsFailure() {
        for (int i = 0; i < 5; i++) {
            assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, basic("stanley:a"),
                    basic("stanley:b")).with((request) -> {
                        request.setRemoteAddr("10.0.6.1");
                        return request;
                    })).hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(get("10.0.6.1", "stanley:password123")).hasStatusOk();
    }

    @Test
    void tokenWhenInvalidGrantsThenTooManyRequestsAndOtherClientsStillGetTokens() {
        for (int i = 0; i < 3; i++) {
            MvcTestResult failed = token("10.0.7.1", "username=stanley&password=wrong" + i);
            assertThat(failed).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.error")
                .isEqualTo("invalid_grant");
        }
        MvcTestResult limited = token("10.0.7.1", "username=stanley&password=password123");
        assertTooManyRequests(limited, "60");
        // RFC 6749 §5.2's shape at the token endpoint, beside Retry-After.
        assertThat(limited).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(limited).bodyJson().extractingPath("$.error").isEqualTo("slow_down");
        assertThat(limited).bodyJson().extractingPath("$.error_description").isEqualTo("Too many failed attempts");
        assertTooManyRequests(get("10.0.7.1", "stanley:password123"), "60");
        assertThat(token("10.0.7.2", "username=stanley&password=password123")).hasStatusOk();
    }

    @Test
    void refreshWhenInvalidRefreshTokensThenCountedAndTheRightOneRefusedToo() throws Exception {
        MvcTestResult issued = token("10.0.7.9", "username=stanley&password=password123");
        String refreshToken = JsonPath.read(issued.getResponse().getContentAsString(), "$.refresh_token");
        for (int i = 0; i < 3; i++) {
            MvcTestResult failed = refresh("10.0.7.3", "unknown-refresh-token-" + i);
            assertThat(failed).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.error")
                .isEqualTo("invalid_grant");
        }
        MvcTestResult limited = refresh("10.0.7.3", refreshToken);
        assertTooManyRequests(limited, "60");
        assertThat(limited).bodyJson().extractingPath("$.error").isEqualTo("slow_down");
        assertThat(refresh("10.0.7.4", refreshToken)).as("not used by the refused request").hasStatusOk();
    }

    @Test
    void tokenWhenFailuresMixedWithBasicThenCountedTogether() {
        get("10.0.8.1", "stanley:wrong");
        token("10.0.8.1", "username=stanley&password=wrong");
        token("10.0.8.1", "username=nobody&password=wrong");
        assertTooManyRequests(token("10.0.8.1", "username=stanley&password=password123"), "60");
    }

    /**
     * {@code Authorization: Bearer} with nothing after it, which FastAPI's {@code OAuth2PasswordBearer} hands over as
     * an empty token: no credentials (RFC 6750 §3.1: a bare challenge), so no guess either.
     */
    @Test
    void getWhenEmptyBearerTokenThenBareChallengeAndNotCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(this.mvc.get().uri("/users/me/token").header(HttpHeaders.AUTHORIZATION, "Bearer").with(
                    (request) -> {
                        request.setRemoteAddr("10.0.10.1");
                        return request;
                    }))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Not authenticated");
        }
        assertThat(get("10.0.10.1", "stanley:password123")).hasStatusOk();
    }

    /**
     * Guesses sent at once: while this request's password is checked, other requests of the same client fail and
     * reach the limit ({@link App#passwordEncoder} records their failures for a password {@code race@<client>#...});
     * the right password must then be answered 429 too, or an attacker racing many guesses gets more answers than the
     * limit, and in would come the right one.
     */
    @Test
    void getWhenOtherRequestsReachTheLimitDuringTheCheckThenTheRightPasswordIsRefusedToo() {
        assertTooManyRequests(get("10.0.9.1", "racer1:race@10.0.9.1#pw"), "60");
    }

    @Test
    void tokenWhenOtherRequestsReachTheLimitDuringTheCheckThenNoToken() {
        MvcTestResult limited = token("10.0.9.2", "username=racer2&password=race%4010.0.9.2%23pw");
        assertTooManyRequests(limited, "60");
        assertThat(limited).bodyJson().extractingPath("$.error").isEqualTo("slow_down");
    }

    private static void assertTooManyRequests(MvcTestResult result, String retryAfter) {
        assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .hasHeader(HttpHeaders.RETRY_AFTER, retryAfter)
            .doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Too many failed attempts");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(429);
    }

    private MvcTestResult get(String client, @Nullable String credentials) {
        return this.mvc.get().uri("/users/me").with((request) -> {
            request.setRemoteAddr(client);
            if (credentials != null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, basic(credentials));
            }
            return request;
        }).exchange();
    }

    private MvcTestResult refresh(String client, String refreshToken) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=refresh_token&refresh_token=" + refreshToken)
            .with((request) -> {
                request.setRemoteAddr(client);
                return request;
            }).exchange();
    }

    private MvcTestResult token(String client, String form) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&" + form)
            .with((request) -> {
                request.setRemoteAddr(client);
                return request;
            }).exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Controller.class)
    static class App {

        @Bean
        BruteForceLimiter bruteForceLimiter() {
            return new BruteForceLimiter(3, Duration.ofMinutes(1), CLOCK);
        }

        /** Spring's encoder; a password {@code race@<client>#...} first fails three requests of that client. */
        @Bean
        PasswordEncoder passwordEncoder(BruteForceLimiter limiter) {
            PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            return new PasswordEncoder() {

                @Override
                public @Nullable String encode(@Nullable CharSequence raw) {
                    return delegate.encode(raw);
                }

                @Override
                public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
                    String password = String.valueOf(raw);
                    if (password.startsWith("race@")) {
                        String client = password.substring(5, password.indexOf('#'));
                        for (int i = 0; i < 3; i++) {
                            limiter.record(client, SecurityOutcome.INVALID);
                        }
                    }
                    return delegate.matches(raw, encoded);
                }

                @Override
                public boolean upgradeEncoding(@Nullable String encoded) {
                    return delegate.upgradeEncoding(encoded);
                }
            };
        }
    }

    @RestController
    static class Controller {

        @GetMapping("/users/me")
        String me(@SecurityParam("basicUser") UserPrincipal user) {
            return user.username();
        }

        @GetMapping("/users/me/token")
        String token(@SecurityParam("tokenUser") JwtPrincipal user) {
            return user.subject();
        }

        @GetMapping("/public")
        String open() {
            return "open";
        }
    }

    /** A clock the tests move by hand. */
    static final class MovableClock implements InstantSource {

        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
