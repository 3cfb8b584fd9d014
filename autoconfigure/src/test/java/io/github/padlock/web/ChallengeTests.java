package io.github.padlock.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import io.github.padlock.scheme.OAuth2PasswordBearer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 401 carries a challenge (RFC 9110 §15.5.2): a verifier that refuses with Spring's
 * {@code ResponseStatusException}, or a {@code PadlockException} without a header, gets the challenges of the schemes
 * beneath it (every alternative's under {@code anyOf}); a challenge the verifier set is kept; and any
 * {@code ErrorResponse} raised while resolving is rendered by Padlock as problem+json, with its detail, headers and
 * properties.
 */
class ChallengeTests {

    private static final String BASIC = "Basic " + Base64.getEncoder()
        .encodeToString("john:secret".getBytes(StandardCharsets.UTF_8));

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class))
        .withUserConfiguration(Verifiers.class, Controller.class);

    @Test
    void verifierWhenResponseStatusExceptionWithoutReasonThenChallengeOfSchemeBeneathAndFastApisDetail() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/status-exception").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"challenge\"")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isStrictlyEqualTo("{\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Not authenticated\",\"instance\":\"/status-exception\"}");
        });
    }

    @Test
    void verifierWhenResponseStatusExceptionWithReasonThenReasonIsTheDetail() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/status-reason").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"challenge\"")
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Account locked");
        });
    }

    @Test
    void verifierWhenPadlockExceptionWithoutChallengeThenChallengeAdded() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/padlock-exception").header(HttpHeaders.AUTHORIZATION,
                    BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"challenge\"")
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Nope");
        });
    }

    @Test
    void verifierOnVerifierWhenInnerRefusesWithoutChallengeThenChallengeOfSchemeBeneath() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/outer").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"challenge\"");
        });
    }

    @Test
    void verifierWhenItSetsItsOwnChallengeThenKeptAsItIs() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/own-challenge").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .headers()
                .hasExactlyValues(HttpHeaders.WWW_AUTHENTICATE, List.of("Basic realm=\"elsewhere\", charset=\"UTF-8\""));
        });
    }

    @Test
    void anyOfWhenEveryAlternativeFailsThenEveryAlternativesChallenge() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/any-of").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .headers()
                .hasExactlyValues(HttpHeaders.WWW_AUTHENTICATE, List.of("Basic realm=\"challenge\"", "Bearer"));
            assertThat(MockMvcTester.from(context).get().uri("/any-of"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .headers()
                .hasExactlyValues(HttpHeaders.WWW_AUTHENTICATE, List.of("Basic realm=\"challenge\"", "Bearer"));
        });
    }

    @Test
    void anyOfWhenAnAlternativeWasSentAmbiguouslyThenBadRequestWhicheverAlternativeSucceeds() {
        this.contextRunner.run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/key-or-bearer").header("X-Key", "good")
                .header(HttpHeaders.AUTHORIZATION, "Bearer t")).hasStatusOk();
            // The first alternative succeeds; the second's credentials are ambiguous (RFC 6750 §2: one method only).
            assertThat(mvc.get().uri("/key-or-bearer?access_token=t").header("X-Key", "good")
                .header(HttpHeaders.AUTHORIZATION, "Bearer t")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_request");
            // The first alternative's key is sent twice; the second would succeed.
            assertThat(mvc.get().uri("/key-or-bearer").header("X-Key", "good", "other")
                .header(HttpHeaders.AUTHORIZATION, "Bearer t")).hasStatus(HttpStatus.BAD_REQUEST);
        });
    }

    @Test
    void scopeRefusalWhenBasicThenProblemNamesTheScopeWithoutABearerChallenge() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/basic-admin").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.FORBIDDEN)
                .doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE)
                .bodyJson()
                .isStrictlyEqualTo("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Not enough permissions\","
                        + "\"instance\":\"/basic-admin\",\"scope\":\"admin\"}");
        });
    }

    @Test
    void scopeRefusalWhenBearerThenRfc6750ChallengeAndTheScopeInTheProblem() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/bearer-admin")
                .header(HttpHeaders.AUTHORIZATION, "Bearer t"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"admin\"")
                .bodyJson()
                .extractingPath("$.scope")
                .isEqualTo("admin");
        });
    }

    @Test
    void scopeRefusalWhenScopesHiddenThenNeitherChallengeNorProblemNamesThem() {
        this.contextRunner.withPropertyValues("padlock.error.include-scope=false").run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/basic-admin").header(HttpHeaders.AUTHORIZATION, BASIC))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .doesNotHavePath("$.scope");
            assertThat(mvc.get().uri("/bearer-admin").header(HttpHeaders.AUTHORIZATION, "Bearer t"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .bodyJson()
                .doesNotHavePath("$.scope");
        });
    }

    @Test
    void verifierWhenForbiddenResponseStatusExceptionThenPadlocksProblemWithoutPathParameters() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/forbidden;token=abc").header(HttpHeaders.AUTHORIZATION,
                    BASIC))
                .hasStatus(HttpStatus.FORBIDDEN)
                .doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isStrictlyEqualTo("{\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Not on weekends\",\"instance\":\"/forbidden\"}");
        });
    }

    @Test
    void verifierWhenErrorResponseExceptionWithPropertiesAndHeadersThenKept() {
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/error-response").header(HttpHeaders.AUTHORIZATION,
                    BASIC))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"challenge\"")
                .hasHeader("X-Reason", "expired")
                .bodyJson()
                .isStrictlyEqualTo("{\"type\":\"https://example.com/expired\",\"title\":\"Expired\",\"status\":401,"
                        + "\"detail\":\"Password expired\",\"instance\":\"/error-response\",\"days\":3}");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Verifiers {

        @Bean
        HttpBasic basicAuth() {
            return HttpBasic.builder().realm("challenge").build();
        }

        @Bean
        OAuth2PasswordBearer bearer() {
            return OAuth2PasswordBearer.builder("/token").build();
        }

        @Bean
        Verifier<String> statusException(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
            });
        }

        @Bean
        Verifier<String> statusReason(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Account locked");
            });
        }

        @Bean
        Verifier<String> padlockException(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                throw new PadlockException(HttpStatus.UNAUTHORIZED, "Nope", List.of());
            });
        }

        @Bean
        Verifier<String> outer(Verifier<String> statusException) {
            return Verifier.of(statusException, (value, scopes) -> value);
        }

        @Bean
        Verifier<String> ownChallenge(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                throw new NotAuthenticatedException("Wrong realm", "Basic realm=\"elsewhere\", charset=\"UTF-8\"");
            });
        }

        @Bean
        Verifier<String> bearerUser(OAuth2PasswordBearer bearer) {
            return Verifier.of(bearer, (token, scopes) -> token);
        }

        @Bean
        ApiKeyHeader apiKey() {
            return ApiKeyHeader.builder().name("X-Key").autoError(false).build();
        }

        @Bean
        Verifier<String> keyUser(ApiKeyHeader apiKey) {
            return Verifier.of(apiKey, (key, scopes) -> "good".equals(key) ? "key" : null);
        }

        @Bean
        Verifier<String> basicScoped(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                scopes.require(List.of("read"));
                return "basic";
            });
        }

        @Bean
        Verifier<String> bearerScoped(OAuth2PasswordBearer bearer) {
            return Verifier.of(bearer, (token, scopes) -> {
                scopes.require(List.of("read"));
                return "bearer";
            });
        }

        @Bean
        Verifier<String> forbidden(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not on weekends");
            });
        }

        @Bean
        Verifier<String> errorResponse(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Password expired");
                problem.setType(java.net.URI.create("https://example.com/expired"));
                problem.setTitle("Expired");
                problem.setProperty("days", 3);
                ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
                exception.getHeaders().add("X-Reason", "expired");
                throw exception;
            });
        }
    }

    @RestController
    static class Controller {

        @GetMapping("/status-exception")
        String statusException(@SecurityParam("statusException") String value) {
            return value;
        }

        @GetMapping("/status-reason")
        String statusReason(@SecurityParam("statusReason") String value) {
            return value;
        }

        @GetMapping("/padlock-exception")
        String padlockException(@SecurityParam("padlockException") String value) {
            return value;
        }

        @GetMapping("/outer")
        String outer(@SecurityParam("outer") String value) {
            return value;
        }

        @GetMapping("/own-challenge")
        String ownChallenge(@SecurityParam("ownChallenge") String value) {
            return value;
        }

        @GetMapping("/any-of")
        String anyOf(@SecurityParam(anyOf = { "statusException", "bearerUser" }) String value) {
            return value;
        }

        @GetMapping("/key-or-bearer")
        String keyOrBearer(@SecurityParam(anyOf = { "keyUser", "bearerUser" }) String value) {
            return value;
        }

        @GetMapping("/basic-admin")
        String basicAdmin(@SecurityParam(value = "basicScoped", scopes = "admin") String value) {
            return value;
        }

        @GetMapping("/bearer-admin")
        String bearerAdmin(@SecurityParam(value = "bearerScoped", scopes = "admin") String value) {
            return value;
        }

        @GetMapping("/forbidden")
        String forbidden(@SecurityParam("forbidden") String value) {
            return value;
        }

        @GetMapping("/error-response")
        String errorResponse(@SecurityParam("errorResponse") String value) {
            return value;
        }

        @GetMapping("/raw")
        String raw(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
            return credentials.username();
        }
    }
}
