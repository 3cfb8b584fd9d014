package io.github.padlock.autoconfigure;

import io.github.padlock.observation.PadlockEndpoint;
import io.github.padlock.plan.SecurityPlans;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the actuator endpoint of the plans, {@code /actuator/padlock} ({@link PadlockEndpoint}),
 * active with Spring Boot Actuator on the classpath and only when the endpoint is available: enabled (it is by
 * default) and exposed, which over HTTP takes {@code management.endpoints.web.exposure.include=padlock}.
 */
@AutoConfiguration(after = PadlockAutoConfiguration.class)
// By name: read by reflection (a context runner registers it so), a missing class literal would hide the condition.
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint",
        "org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping" })
@ConditionalOnBean(SecurityPlans.class)
public final class PadlockEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    PadlockEndpoint padlockEndpoint(ListableBeanFactory beanFactory, SecurityPlans plans) {
        return new PadlockEndpoint(beanFactory, plans);
    }
}
