package io.github.padlock.autoconfigure;

import java.util.Map;

import io.github.padlock.web.LazyFormContentFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.filter.FormContentFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes the gate hold before any body is read: Padlock's lazy form filter in place of Spring Boot's eager one,
 * and lazy multipart resolution by default; the application's own choices win.
 */
class GateAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PadlockAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void formContentFilterWhenDefaultThenPadlocksLazyFilterReplacesSprings() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(FormContentFilter.class);
            assertThat(context.getBean(FormContentFilter.class)).isInstanceOf(LazyFormContentFilter.class);
            assertThat(context.getBean(LazyFormContentFilter.class).getOrder()).isEqualTo(-9900);
        });
    }

    @Test
    void formContentFilterWhenApplicationDeclaresOneThenBothBackOff() {
        this.contextRunner.withUserConfiguration(OwnFormFilter.class).run((context) -> {
            assertThat(context).hasSingleBean(FormContentFilter.class);
            assertThat(context).doesNotHaveBean(LazyFormContentFilter.class);
        });
    }

    @Test
    void formContentFilterWhenDisabledThenNone() {
        this.contextRunner.withPropertyValues("spring.mvc.formcontent.filter.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(FormContentFilter.class);
        });
    }

    @Test
    void environmentWhenNothingSetThenMultipartResolvedLazily() {
        StandardEnvironment environment = new StandardEnvironment();
        new PadlockEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.servlet.multipart.resolve-lazily", Boolean.class)).isTrue();
    }

    @Test
    void environmentWhenApplicationSetsResolveLazilyThenItsValueWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .addFirst(new MapPropertySource("application",
                    Map.of("spring.servlet.multipart.resolve-lazily", "false")));
        new PadlockEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.servlet.multipart.resolve-lazily", Boolean.class)).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFormFilter {

        @Bean
        FormContentFilter ownFormContentFilter() {
            return new FormContentFilter();
        }
    }
}
