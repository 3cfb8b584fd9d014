package io.github.padlock.web;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.plan.SecurityConfigurationException;
import io.github.padlock.scheme.HttpBasic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code padlock.audit.unprotected}: every handler with no Padlock requirement that is not marked
 * {@link PublicEndpoint} is named at start-up, in a warning ({@code warn}, the default) or a start-up failure
 * ({@code fail}), or not at all ({@code off}); Spring Boot's error controller is never listed.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnprotectedAuditTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, PadlockAutoConfiguration.class))
        .withUserConfiguration(Schemes.class, PublicController.class);

    @Test
    void startWhenAuditDefaultThenWarnsNamingEachUnprotectedHandler(CapturedOutput output) {
        this.contextRunner.withUserConfiguration(MixedController.class).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("2 handler(s) have no Padlock requirement")
                .contains("{GET [/forgotten]} " + MixedController.class.getName() + ".forgotten()")
                .contains("{GET [/also-forgotten]} " + MixedController.class.getName() + ".alsoForgotten()")
                .doesNotContain(".secured(")
                .doesNotContain(".required(")
                .doesNotContain(".open(")
                .doesNotContain(PublicController.class.getName())
                .doesNotContain("BasicErrorController");
        });
    }

    @Test
    void startWhenAuditFailThenFailsNamingEachUnprotectedHandler() {
        this.contextRunner.withUserConfiguration(MixedController.class)
            .withPropertyValues("padlock.audit.unprotected=fail")
            .run((context) -> {
                assertThat(context).hasFailed();
                Throwable cause = context.getStartupFailure();
                while (cause != null && !(cause instanceof SecurityConfigurationException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).isInstanceOf(SecurityConfigurationException.class);
                assertThat(cause.getMessage()).startsWith("2 handler(s) have no Padlock requirement")
                    .contains(MixedController.class.getName() + ".forgotten()")
                    .contains(MixedController.class.getName() + ".alsoForgotten()")
                    .doesNotContain(PublicController.class.getName())
                    .doesNotContain("BasicErrorController");
                assertThat(((SecurityConfigurationException) cause).action()).contains("@PublicEndpoint");
            });
    }

    @Test
    void startWhenAuditFailAndEveryHandlerDecidedThenStarts(CapturedOutput output) {
        this.contextRunner.withUserConfiguration(DecidedController.class)
            .withPropertyValues("padlock.audit.unprotected=fail")
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("have no Padlock requirement");
    }

    @Test
    void startWhenAuditOffThenSaysNothing(CapturedOutput output) {
        this.contextRunner.withUserConfiguration(MixedController.class)
            .withPropertyValues("padlock.audit.unprotected=off")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).doesNotContain("have no Padlock requirement");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class Schemes {

        @Bean
        HttpBasic basicAuth() {
            return HttpBasic.builder().build();
        }

        @Bean
        Verifier<String> currentUsername(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> "john");
        }
    }

    @RestController
    static class MixedController {

        @GetMapping("/secured")
        String secured(@SecurityParam("currentUsername") String username) {
            return username;
        }

        @RequiresSecurity("currentUsername")
        @GetMapping("/required")
        String required() {
            return "required";
        }

        @PublicEndpoint
        @GetMapping("/open")
        String open() {
            return "open";
        }

        @GetMapping("/forgotten")
        String forgotten() {
            return "forgotten";
        }

        @GetMapping("/also-forgotten")
        String alsoForgotten() {
            return "also forgotten";
        }
    }

    @PublicEndpoint
    @RestController
    static class PublicController {

        @GetMapping("/health-check")
        String healthCheck() {
            return "ok";
        }
    }

    @RestController
    static class DecidedController {

        @GetMapping("/decided")
        String decided(@SecurityParam("currentUsername") String username) {
            return username;
        }
    }
}
