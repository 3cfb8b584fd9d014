package io.github.padlock.slice;

import java.util.List;

import io.github.padlock.RequiresSecurity;
import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.plan.SecurityConfigurationException;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.web.PadlockWeb;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where Padlock's configuration is present, a {@code @SecurityParam} that nothing would resolve fails the start-up
 * instead of being bound from the request: a slice that forgot to import the scheme beans, and an application whose
 * Spring MVC never received Padlock's argument resolver.
 */
class WebMvcSliceWithoutBeansTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PadlockAutoConfiguration.class, WebMvcAutoConfiguration.class))
        .withUserConfiguration(ControllerOnly.class);

    @Test
    void startWhenSchemeBeansNotImportedThenFailsNamingTheBean() {
        this.contextRunner.run((context) -> assertThat(context).hasFailed()
            .getFailure()
            .isInstanceOf(SecurityConfigurationException.class)
            .hasMessageContaining("which does not exist"));
    }

    @Test
    void startWhenPadlocksResolverNeverReachesSpringMvcThenFailsNamingTheParameter() {
        this.contextRunner.withUserConfiguration(NotesSecurityConfiguration.class, NoPadlockResolver.class)
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .isInstanceOf(SecurityConfigurationException.class)
                .hasMessageMatching("@SecurityParam on parameter '(credentials|username)' of "
                        + "io\\.github\\.padlock\\.slice\\.NotesController\\.(raw|notes)\\(.*")
                .hasMessageContaining("not by Padlock"));
    }

    /** Found by an outside review: a handler with only @RequiresSecurity needs the interceptor, not the resolver. */
    @Test
    void startWhenPadlocksInterceptorNeverReachesSpringMvcThenFailsNamingTheHandler() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PadlockAutoConfiguration.class, WebMvcAutoConfiguration.class))
            .withUserConfiguration(NotesSecurityConfiguration.class, NoPadlockResolver.class,
                    RequiresOnlyController.class)
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .isInstanceOf(SecurityConfigurationException.class)
                .hasMessageContaining("has no Padlock interceptor"));
    }

    /** Found by a review: a registration with path patterns passed the check while leaving paths open. */
    @Test
    void startWhenPadlocksInterceptorExcludesSomePathsThenFailsNamingTheHandler() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PadlockAutoConfiguration.class, WebMvcAutoConfiguration.class))
            .withUserConfiguration(NotesSecurityConfiguration.class, InterceptorOnSomePathsOnly.class,
                    RequiresOnlyController.class)
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .isInstanceOf(SecurityConfigurationException.class)
                .hasMessageContaining("RequiresOnlyController.requiresOnly()")
                .hasMessageContaining("has no Padlock interceptor on all its paths"));
    }

    @Test
    void startWhenSchemeBeansImportedThenStarts() {
        this.contextRunner.withUserConfiguration(NotesSecurityConfiguration.class)
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @Import(NotesController.class)
    static class ControllerOnly {
    }

    /** Replaces Padlock's configurer with one that registers nothing. */
    @Configuration(proxyBeanMethods = false)
    static class NoPadlockResolver {

        @Bean
        WebMvcConfigurer padlockWebMvcConfigurer() {
            return new WebMvcConfigurer() {
            };
        }
    }

    /** Padlock's interceptor registered on some paths only: the others would answer anyone. */
    @Configuration(proxyBeanMethods = false)
    static class InterceptorOnSomePathsOnly {

        @Bean
        WebMvcConfigurer padlockWebMvcConfigurer(SecurityPlans plans) {
            return new WebMvcConfigurer() {

                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(PadlockWeb.interceptor(plans, null)).excludePathPatterns("/requires-only");
                }

                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(PadlockWeb.argumentResolver(plans));
                }
            };
        }
    }

    /** Only @RequiresSecurity: the interceptor alone guards it. */
    @RestController
    @RequiresSecurity("basicAuth")
    static class RequiresOnlyController {

        @GetMapping("/requires-only")
        String requiresOnly() {
            return "guarded";
        }
    }
}
