package io.github.padlock.web;

import io.github.padlock.SecurityParam;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.credentials.ApiKeyPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's problem details on ({@code spring.mvc.problemdetails.enabled}, as the demo has them), Padlock's
 * refusals are still Padlock's: {@code instance} without path parameters, which may carry a credential, and
 * {@code padlock.error.include-scope=false} obeyed. Boot's handler, which takes every {@code ErrorResponseException},
 * came first before, and echoed {@code ;password=...} back.
 */
class ProblemDetailsEnabledTests {

    /** The demo's key, whose SHA-256 is configured below. */
    private static final String DEMO_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class))
        .withUserConfiguration(Controller.class)
        .withPropertyValues("spring.mvc.problemdetails.enabled=true");

    @Test
    void refusalWhenPathParametersThenInstanceWithoutThem() {
        this.contextRunner.withPropertyValues("padlock.schemes.key.type=api-key-header",
                "padlock.schemes.key.name=X-API-KEY", "padlock.verifiers.keyUser.type=api-keys",
                "padlock.verifiers.keyUser.scheme=key",
                "padlock.api-keys.demo.hash=sha256:31ed40247d3d65a2a5f33fb6e884f298b511ce5d8916ea1ee2c617f471ea1af8")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                assertThat(mvc.get().uri("/key;password=hunter2-secret?x=1"))
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .bodyJson()
                    .extractingPath("$.instance")
                    .isEqualTo("/key");
                assertThat(mvc.get().uri("/key;api_key=demo.hunter2-secret").header("X-API-KEY", "demo.wrong"))
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .body()
                    .asString()
                    .doesNotContain("hunter2-secret");
            });
    }

    @Test
    void scopeRefusalWhenIncludeScopeFalseThenNoScopeEvenWithBootsHandler() {
        this.contextRunner.withPropertyValues("padlock.schemes.key.type=api-key-header",
                "padlock.schemes.key.name=X-API-KEY", "padlock.verifiers.keyUser.type=api-keys",
                "padlock.verifiers.keyUser.scheme=key", "padlock.error.include-scope=false",
                "padlock.api-keys.demo.hash=sha256:31ed40247d3d65a2a5f33fb6e884f298b511ce5d8916ea1ee2c617f471ea1af8")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                assertThat(mvc.get().uri("/restricted").header("X-API-KEY", DEMO_KEY))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE)
                    .body()
                    .asString()
                    .contains("Not enough permissions")
                    .doesNotContain("admin");
            });
    }

    @RestController
    static class Controller {

        @GetMapping("/key")
        String key(@SecurityParam("keyUser") ApiKeyPrincipal key) {
            return key.id();
        }

        @GetMapping("/restricted")
        String admin(@SecurityParam(value = "keyUser", scopes = "admin") ApiKeyPrincipal key) {
            return key.id();
        }
    }
}
