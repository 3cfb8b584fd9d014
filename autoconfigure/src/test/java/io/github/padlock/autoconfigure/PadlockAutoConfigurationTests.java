package io.github.padlock.autoconfigure;

import java.time.Duration;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.credentials.BruteForceLimiter;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.web.PadlockExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * When {@link PadlockAutoConfiguration} and {@link PadlockOpenApiAutoConfiguration} apply, and when they back off.
 */
class PadlockAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(PadlockAutoConfiguration.class, PadlockOpenApiAutoConfiguration.class));

    @Test
    void autoConfigurationWhenServletWebApplicationThenRegistersPadlock() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(SecurityPlans.class);
            assertThat(context).hasBean("padlockWebMvcConfigurer");
            assertThat(context).hasSingleBean(PadlockExceptionHandler.class);
            assertThat(context).hasBean("padlockSecurityOperationCustomizer");
        });
    }

    @Test
    void autoConfigurationWhenSpringMvcMissingThenBacksOff() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class)).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SecurityPlans.class);
            assertThat(context).doesNotHaveBean("padlockWebMvcConfigurer");
            assertThat(context).doesNotHaveBean("padlockSecurityOperationCustomizer");
        });
    }

    @Test
    void autoConfigurationWhenNotAWebApplicationThenBacksOff() {
        new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(PadlockAutoConfiguration.class, PadlockOpenApiAutoConfiguration.class))
            .run((context) -> {
                assertThat(context).doesNotHaveBean(SecurityPlans.class);
                assertThat(context).doesNotHaveBean("padlockSecurityOperationCustomizer");
            });
    }

    @Test
    void openApiWhenSpringdocMissingThenBacksOffAndRuntimeStays() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(SpringDocUtils.class)).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SecurityPlans.class);
            assertThat(context).doesNotHaveBean("padlockSecurityOperationCustomizer");
        });
    }

    @Test
    void exceptionHandlerWhenUserDeclaresOneThenPadlocksBacksOff() {
        this.contextRunner.withUserConfiguration(CustomExceptionHandlerConfiguration.class).run((context) -> {
            assertThat(context).hasSingleBean(PadlockExceptionHandler.class);
            assertThat(context.getBean(PadlockExceptionHandler.class))
                .isInstanceOf(CustomExceptionHandler.class);
            assertThat(context).doesNotHaveBean("padlockExceptionHandler");
        });
    }

    @Test
    void operationCustomizerWhenUserDeclaresOneOfThatNameThenPadlocksBacksOff() {
        this.contextRunner.withUserConfiguration(CustomOperationCustomizerConfiguration.class).run((context) -> {
            assertThat(context.getBean("padlockSecurityOperationCustomizer"))
                .isSameAs(CustomOperationCustomizerConfiguration.CUSTOMIZER);
        });
    }

    @Test
    void bruteForceWhenNotEnabledThenNoLimiter() {
        this.contextRunner.withPropertyValues("padlock.brute-force.max-failures=3").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(BruteForceLimiter.class);
            PadlockProperties.BruteForce defaults = context.getBean(PadlockProperties.class).getBruteForce();
            assertThat(defaults.isEnabled()).isFalse();
            assertThat(defaults.getWindow()).isEqualTo(Duration.ofMinutes(1));
        });
        this.contextRunner.run((context) -> assertThat(
                context.getBean(PadlockProperties.class).getBruteForce().getMaxFailures()).isEqualTo(10));
    }

    @Test
    void bruteForceWhenEnabledThenLimiterWithBoundProperties() {
        this.contextRunner
            .withPropertyValues("padlock.brute-force.enabled=true", "padlock.brute-force.max-failures=2",
                    "padlock.brute-force.window=90s")
            .run((context) -> {
                assertThat(context).hasSingleBean(BruteForceLimiter.class);
                BruteForceLimiter limiter = context.getBean(BruteForceLimiter.class);
                limiter.record("10.0.0.1", SecurityOutcome.INVALID);
                limiter.check("10.0.0.1");
                limiter.record("10.0.0.1", SecurityOutcome.INVALID);
                assertThat(catchThrowable(() -> limiter.check("10.0.0.1")))
                    .isInstanceOfSatisfying(PadlockException.class,
                            (ex) -> assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("90"));
            });
    }

    @Test
    void bruteForceWhenSettingsOutOfRangeThenStartupFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("padlock.brute-force.enabled=true", "padlock.brute-force.max-failures=0")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("padlock.brute-force.max-failures"));
        this.contextRunner.withPropertyValues("padlock.brute-force.enabled=true", "padlock.brute-force.window=0s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("padlock.brute-force.window"));
    }

    @Test
    void bruteForceWhenUserDeclaresLimiterThenPadlocksBacksOff() {
        this.contextRunner.withPropertyValues("padlock.brute-force.enabled=true")
            .withBean("customLimiter", BruteForceLimiter.class, () -> new BruteForceLimiter(5, Duration.ofSeconds(5)))
            .run((context) -> {
                assertThat(context).hasSingleBean(BruteForceLimiter.class);
                assertThat(context).hasBean("customLimiter");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomExceptionHandlerConfiguration {

        @Bean
        CustomExceptionHandler customExceptionHandler() {
            return new CustomExceptionHandler();
        }
    }

    static class CustomExceptionHandler extends PadlockExceptionHandler {
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomOperationCustomizerConfiguration {

        static final GlobalOperationComponentsCustomizer CUSTOMIZER = new GlobalOperationComponentsCustomizer() {

            @Override
            public io.swagger.v3.oas.models.Operation customize(io.swagger.v3.oas.models.Operation operation,
                    io.swagger.v3.oas.models.Components components,
                    org.springframework.web.method.HandlerMethod handlerMethod) {
                return operation;
            }

            @Override
            public io.swagger.v3.oas.models.Operation customize(io.swagger.v3.oas.models.Operation operation,
                    org.springframework.web.method.HandlerMethod handlerMethod) {
                return operation;
            }
        };

        @Bean
        GlobalOperationComponentsCustomizer padlockSecurityOperationCustomizer() {
            return CUSTOMIZER;
        }
    }
}
