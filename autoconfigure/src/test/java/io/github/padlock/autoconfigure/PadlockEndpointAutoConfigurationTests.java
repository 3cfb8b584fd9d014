package io.github.padlock.autoconfigure;

import java.util.List;

import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.observation.PadlockEndpoint;
import io.github.padlock.observation.PlansDescriptor;
import io.github.padlock.observation.PlansDescriptor.DependencyRequirement;
import io.github.padlock.observation.PlansDescriptor.HandlerDescriptor;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.scheme.HttpBasic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator endpoint of the plans: declared with Actuator and Padlock's plans when the endpoint is available
 * (exposed, its access not {@code none}), and not otherwise.
 */
class PadlockEndpointAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class, EndpointAutoConfiguration.class,
                PadlockEndpointAutoConfiguration.class))
        .withUserConfiguration(SecuredApp.class);

    @Test
    void endpointWhenExposedOverHttpThenDescribesTheHandlers() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=padlock").run((context) -> {
            assertThat(context).hasSingleBean(PadlockEndpoint.class);
            PlansDescriptor described = context.getBean(PadlockEndpoint.class).plans();
            assertThat(described.handlers()).singleElement()
                .extracting(HandlerDescriptor::allOf)
                .isEqualTo(List.of(new DependencyRequirement("currentUser", List.of(), true)));
            assertThat(described.schemes()).containsOnlyKeys("basicAuth");
            assertThat(described.verifiers()).containsOnlyKeys("currentUser");
            assertThat(context.getBean(PadlockEndpoint.class).plans()).isSameAs(described);
        });
    }

    @Test
    void endpointWhenExposedOverJmxThenDeclared() {
        this.contextRunner.withPropertyValues("spring.jmx.enabled=true",
                "management.endpoints.jmx.exposure.include=padlock")
            .run((context) -> assertThat(context).hasSingleBean(PadlockEndpoint.class));
    }

    @Test
    void endpointWhenNotExposedThenAbsent() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(PadlockEndpoint.class);
        });
    }

    @Test
    void endpointWhenAccessNoneThenAbsent() {
        this.contextRunner
            .withPropertyValues("management.endpoints.web.exposure.include=padlock",
                    "management.endpoint.padlock.access=NONE")
            .run((context) -> assertThat(context).doesNotHaveBean(PadlockEndpoint.class));
    }

    @Test
    void endpointWhenActuatorMissingThenAbsentAndTheApplicationStarts() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=padlock")
            .withClassLoader(new FilteredClassLoader(Endpoint.class))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(SecurityPlans.class);
                assertThat(context).doesNotHaveBean(PadlockEndpoint.class);
            });
    }

    @Test
    void endpointWhenNoPlansThenAbsent() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                    PadlockEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=padlock")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(PadlockEndpoint.class);
            });
    }

    @Test
    void endpointWhenApplicationDeclaresOneThenItsOwn() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=padlock")
            .withBean("myEndpoint", PadlockEndpoint.class, () -> new PadlockEndpoint(new DefaultListableBeanFactory(),
                    new SecurityPlans(new DefaultListableBeanFactory())))
            .run((context) -> assertThat(context).hasSingleBean(PadlockEndpoint.class).hasBean("myEndpoint"));
    }

    @Configuration(proxyBeanMethods = false)
    static class SecuredApp {

        @Bean
        HttpBasic basicAuth() {
            return HttpBasic.builder().build();
        }

        @Bean
        Verifier<String> currentUser(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (credentials, scopes) -> credentials.username());
        }

        @Bean
        MeController meController() {
            return new MeController();
        }
    }

    @RestController
    static class MeController {

        @GetMapping("/me")
        String me(@SecurityParam("currentUser") String user) {
            return user;
        }
    }
}
