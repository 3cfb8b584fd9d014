package io.github.padlock.plan;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.scheme.HttpBasic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PublicEndpoint} makes a plan public (and empty); together with a security declaration on the same handler it
 * fails the start-up, naming the handler and the declaration.
 */
class PublicEndpointPlanTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class))
        .withUserConfiguration(Schemes.class);

    @Test
    void planWhenMethodOrClassMarkedPublicThenPublicAndEmpty() throws NoSuchMethodException {
        this.contextRunner.withUserConfiguration(PublicMethodController.class, PublicClassController.class)
            .run((context) -> {
                SecurityPlans plans = context.getBean(SecurityPlans.class);
                SecurityPlan method = plans.planFor(new HandlerMethod(new PublicMethodController(),
                        PublicMethodController.class.getDeclaredMethod("open")));
                SecurityPlan type = plans.planFor(new HandlerMethod(new PublicClassController(),
                        PublicClassController.class.getDeclaredMethod("open")));
                SecurityPlan unmarked = plans.planFor(new HandlerMethod(new PublicMethodController(),
                        PublicMethodController.class.getDeclaredMethod("unmarked")));
                assertThat(method.isPublic()).isTrue();
                assertThat(method.isEmpty()).isTrue();
                assertThat(type.isPublic()).isTrue();
                assertThat(unmarked.isPublic()).isFalse();
                assertThat(unmarked.isEmpty()).isTrue();
            });
    }

    @Test
    void startWhenPublicMethodHasSecurityParamThenFailsNamingHandler() {
        this.contextRunner.withUserConfiguration(PublicAndParamController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage())
                .startsWith(PublicAndParamController.class.getName() + ".me(String) is marked @PublicEndpoint but "
                        + "also requires security (@SecurityParam on parameter 'username'")
                .contains("cannot be both open to anyone and secured");
        });
    }

    @Test
    void startWhenPublicClassHasRequiresSecurityMethodThenFailsNamingHandler() {
        this.contextRunner.withUserConfiguration(PublicClassRequiresController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage())
                .startsWith(PublicClassRequiresController.class.getName() + ".admin() is marked @PublicEndpoint")
                .contains("@RequiresSecurity on " + PublicClassRequiresController.class.getName() + ".admin()");
        });
    }

    private static SecurityConfigurationException failure(Throwable startupFailure) {
        Throwable cause = startupFailure;
        while (cause != null && !(cause instanceof SecurityConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a SecurityConfigurationException in " + startupFailure).isNotNull();
        return (SecurityConfigurationException) cause;
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
    static class PublicMethodController {

        @PublicEndpoint
        @GetMapping("/open")
        String open() {
            return "open";
        }

        @GetMapping("/unmarked")
        String unmarked() {
            return "unmarked";
        }
    }

    @PublicEndpoint
    @RestController
    static class PublicClassController {

        @GetMapping("/open-too")
        String open() {
            return "open";
        }
    }

    @RestController
    static class PublicAndParamController {

        @PublicEndpoint
        @GetMapping("/me")
        String me(@SecurityParam("currentUsername") String username) {
            return username;
        }
    }

    @PublicEndpoint
    @RestController
    static class PublicClassRequiresController {

        @RequiresSecurity("currentUsername")
        @GetMapping("/admin")
        String admin() {
            return "admin";
        }
    }
}
