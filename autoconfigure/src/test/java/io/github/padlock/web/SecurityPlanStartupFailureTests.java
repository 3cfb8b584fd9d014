package io.github.padlock.web;

import java.util.List;
import java.util.Map;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityParam;
import io.github.padlock.SecurityResolution;
import io.github.padlock.Verifier;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SecurityParam} that no bean satisfies fails the start-up, with a message naming the controller method,
 * the parameter and the candidates.
 */
class SecurityPlanStartupFailureTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class))
        .withUserConfiguration(Schemes.class);

    @Test
    void startWhenParametersResolvableThenPlansEveryHandler() {
        this.contextRunner.withUserConfiguration(GoodController.class).run((context) -> {
            assertThat(context).hasNotFailed();
        });
    }

    @Test
    void startWhenBeanNameUnknownThenFailsNamingMethodParameterAndCandidates() {
        this.contextRunner.withUserConfiguration(UnknownNameController.class).run((context) -> {
            String message = failure(context.getStartupFailure()).getMessage();
            assertThat(message).contains("'missingUser'")
                .contains("parameter 'user'")
                .contains(UnknownNameController.class.getName() + ".me(String)")
                .contains("basicAuth (produces " + HttpBasicCredentials.class.getName() + ")")
                .contains("currentUsername (produces java.lang.String)");
        });
    }

    @Test
    void startWhenTypeMatchesNoBeanThenFailsNamingCandidates() {
        this.contextRunner.withUserConfiguration(NoTypeMatchController.class).run((context) -> {
            SecurityConfigurationException failure = failure(context.getStartupFailure());
            assertThat(failure.getMessage()).contains("parameter 'count'")
                .contains(NoTypeMatchController.class.getName() + ".count(Integer)")
                .contains("no security dependency beans produce java.lang.Integer")
                .contains("basicAuth (produces");
            FailureAnalysis analysis = new SecurityConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
            assertThat(analysis.getAction()).contains("Integer");
        });
    }

    @Test
    void startWhenTypeMatchesSeveralBeansThenFailsNamingThem() {
        this.contextRunner.withUserConfiguration(SecondBasic.class, ByTypeCredentialsController.class)
            .run((context) -> {
                SecurityConfigurationException failure = failure(context.getStartupFailure());
                assertThat(failure.getMessage()).contains("parameter 'credentials'")
                    .contains("2 security dependency beans produce " + HttpBasicCredentials.class.getName()
                            + ": [basicAuth, otherBasic]");
                assertThat(failure.action()).contains("@SecurityParam(\"beanName\")");
            });
    }

    @Test
    void startWhenTypeMatchesOneBeanThenStarts() {
        this.contextRunner.withUserConfiguration(ByTypeCredentialsController.class).run((context) -> {
            assertThat(context).hasNotFailed();
        });
    }

    @Test
    void startWhenBeanIsNotASecurityDependencyThenFails() {
        this.contextRunner.withUserConfiguration(NotADependencyController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage()).contains("'plainString'")
                .contains("not a SecurityDependency");
        });
    }

    @Test
    void startWhenBeanProducesAnotherTypeThenFails() {
        this.contextRunner.withUserConfiguration(WrongTypeController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage()).contains("'basicAuth'")
                .contains("produces " + HttpBasicCredentials.class.getName() + ", not java.lang.String");
        });
    }

    @Test
    void startWhenTwoSchemesShareASchemeNameThenFailsNamingBoth() {
        this.contextRunner.withUserConfiguration(CollidingBasic.class, GoodController.class).run((context) -> {
            SecurityConfigurationException failure = failure(context.getStartupFailure());
            assertThat(failure.getMessage()).contains("'basicAuth' (HttpBasic)")
                .contains("'sameNameBasic' (HttpBasic)")
                .contains("share the OpenAPI component key 'HTTPBasic'");
            assertThat(failure.action()).contains("schemeName");
        });
    }

    @Test
    void startWhenDependenciesFormACycleThenFails() {
        this.contextRunner.withUserConfiguration(CyclicDependency.class, CycleController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage()).contains("form a cycle");
        });
    }

    private static SecurityConfigurationException failure(Throwable startupFailure) {
        Throwable cause = startupFailure;
        while (cause != null && !(cause instanceof SecurityConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an SecurityConfigurationException in " + startupFailure).isNotNull();
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

        @Bean
        String plainString() {
            return "not a dependency";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondBasic {

        @Bean
        HttpBasic otherBasic() {
            return HttpBasic.builder().schemeName("Other").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CollidingBasic {

        @Bean
        HttpBasic sameNameBasic() {
            return HttpBasic.builder().realm("elsewhere").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CyclicDependency {

        @Bean
        SecurityDependency<Long> cyclic() {
            return new SecurityDependency<>() {

                @Override
                public Long resolve(SecurityResolution resolution) {
                    return 1L;
                }

                @Override
                public List<ScopedDependency> dependencies() {
                    return List.of(ScopedDependency.of(this));
                }
            };
        }
    }

    @RestController
    static class CycleController {

        @GetMapping("/cycle")
        Long cycle(@SecurityParam("cyclic") Long value) {
            return value;
        }
    }

    @RestController
    static class GoodController {

        @GetMapping("/me")
        Map<String, String> me(@SecurityParam String username,
                @SecurityParam("basicAuth") HttpBasicCredentials credentials) {
            return Map.of("username", username);
        }
    }

    @RestController
    static class UnknownNameController {

        @GetMapping("/me")
        String me(@SecurityParam("missingUser") String user) {
            return user;
        }
    }

    @RestController
    static class NoTypeMatchController {

        @GetMapping("/count")
        Integer count(@SecurityParam Integer count) {
            return count;
        }
    }

    @RestController
    static class ByTypeCredentialsController {

        @GetMapping("/credentials")
        String credentials(@SecurityParam HttpBasicCredentials credentials) {
            return credentials.username();
        }
    }

    @RestController
    static class NotADependencyController {

        @GetMapping("/plain")
        String plain(@SecurityParam("plainString") String value) {
            return value;
        }
    }

    @RestController
    static class WrongTypeController {

        @GetMapping("/wrong")
        String wrong(@SecurityParam("basicAuth") String value) {
            return value;
        }
    }
}
