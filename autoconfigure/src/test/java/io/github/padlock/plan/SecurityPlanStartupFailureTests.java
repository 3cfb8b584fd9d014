package io.github.padlock.plan;

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
            assertThat(failure.action()).contains("Integer");
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

    @Test
    void startWhenScopesAskedOfABareSchemeThenFailsNamingMethodParameterAndScheme() {
        this.contextRunner.withUserConfiguration(ScopedSchemeController.class).run((context) -> {
            SecurityConfigurationException failure = failure(context.getStartupFailure());
            assertThat(failure.getMessage()).contains("parameter 'credentials'")
                .contains(ScopedSchemeController.class.getName() + ".scoped(HttpBasicCredentials)")
                .contains("asks the scopes [admin] of the scheme 'basicAuth'")
                .contains("nothing would ever check the scopes");
            assertThat(failure.action()).contains("scopes.require(granted)");
        });
    }

    @Test
    void startWhenRequiresSecurityAsksScopesOfABareSchemeThenFails() {
        this.contextRunner.withUserConfiguration(ScopedRequirementController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage())
                .contains("@RequiresSecurity on " + ScopedRequirementController.class.getName())
                .contains("asks the scopes [read, write] of the scheme 'basicAuth'");
        });
    }

    @Test
    void startWhenScopesAskedOfAnyOfWithABareSchemeAlternativeThenFails() {
        this.contextRunner.withUserConfiguration(ScopedAnyOfController.class).run((context) -> {
            assertThat(failure(context.getStartupFailure()).getMessage()).contains("parameter 'who'")
                .contains("asks the scopes [admin] of the scheme 'basicAuth'");
        });
    }

    @Test
    void startWhenScopesAskedOfAVerifierThenStarts() {
        this.contextRunner.withUserConfiguration(ScopedVerifierController.class).run((context) -> {
            assertThat(context).hasNotFailed();
        });
    }

    @Test
    void startWhenDependencyReadsNoSchemeThenFailsSinceNoChallengeCouldBeSent() {
        this.contextRunner.withUserConfiguration(SchemelessDependency.class, SchemelessController.class)
            .run((context) -> {
                SecurityConfigurationException failure = failure(context.getStartupFailure());
                assertThat(failure.getMessage()).contains("parameter 'value'")
                    .contains("'schemeless'")
                    .contains("reads no security scheme")
                    .contains("RFC 9110");
                assertThat(failure.action()).contains("SecurityScheme");
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

    @Configuration(proxyBeanMethods = false)
    static class SchemelessDependency {

        @Bean
        SecurityDependency<Long> schemeless() {
            return (resolution) -> 1L;
        }
    }

    @RestController
    static class SchemelessController {

        @GetMapping("/schemeless")
        Long schemeless(@SecurityParam("schemeless") Long value) {
            return value;
        }
    }

    @RestController
    static class ScopedSchemeController {

        @GetMapping("/scoped")
        String scoped(@SecurityParam(value = "basicAuth", scopes = "admin") HttpBasicCredentials credentials) {
            return credentials.username();
        }
    }

    @RestController
    @io.github.padlock.RequiresSecurity(value = "basicAuth", scopes = { "read", "write" })
    static class ScopedRequirementController {

        @GetMapping("/scoped")
        String scoped() {
            return "ok";
        }
    }

    @RestController
    static class ScopedAnyOfController {

        @GetMapping("/scoped")
        Object scoped(@SecurityParam(anyOf = { "currentUsername", "basicAuth" }, scopes = "admin") Object who) {
            return who;
        }
    }

    @RestController
    static class ScopedVerifierController {

        @GetMapping("/scoped")
        String scoped(@SecurityParam(value = "currentUsername", scopes = "admin") String who) {
            return who;
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
