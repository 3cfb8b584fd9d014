package io.github.padlock.autoconfigure;

import io.github.padlock.observation.PadlockAuditListener;
import io.github.padlock.observation.PadlockObservation;
import io.github.padlock.observation.SecurityObservationConvention;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.SecurityPlans;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of what Padlock tells about its decisions: application events for each granted or refused
 * request ({@code padlock.events.enabled}, on by default), and a {@code padlock.security} Micrometer observation
 * around each resolution when an {@link ObservationRegistry} bean exists (Spring Boot declares one with
 * {@code spring-boot-micrometer-observation}, which Actuator brings), and Actuator audit events
 * ({@code AUTHENTICATION_SUCCESS}, {@code AUTHENTICATION_FAILURE}, {@code AUTHORIZATION_FAILURE}) when the application
 * declares an {@code AuditEventRepository}. With neither events nor observations, the interceptor decides directly
 * and nothing of this runs per request.
 */
@AutoConfiguration(after = PadlockAutoConfiguration.class)
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(SecurityPlans.class)
public final class PadlockObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PlanResolver padlockPlanResolver(PadlockProperties properties, ApplicationEventPublisher publisher,
            ObjectProvider<ObservationRegistry> registry, ObjectProvider<SecurityObservationConvention> convention) {
        PlanResolver resolver = PlanResolver.DIRECT;
        if (properties.getEvents().isEnabled()) {
            resolver = PadlockObservation.publishingEvents(publisher, resolver);
        }
        ObservationRegistry observations = registry.getIfUnique();
        if (observations != null && observations != ObservationRegistry.NOOP) {
            resolver = PadlockObservation.observed(observations, convention.getIfUnique(), resolver);
        }
        return resolver;
    }

    /**
     * Actuator's audit events, when the application declares an {@code AuditEventRepository} (as Spring Boot records
     * Spring Security's authentication events only then). The repository is reached through an
     * {@link ObjectProvider}, so that this class loads without Actuator.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.audit.AuditEventRepository")
    @ConditionalOnBean(type = "org.springframework.boot.actuate.audit.AuditEventRepository")
    @ConditionalOnBooleanProperty(name = "padlock.events.enabled", matchIfMissing = true)
    static final class Audit {

        @Bean
        @ConditionalOnMissingBean
        PadlockAuditListener padlockAuditListener(ObjectProvider<AuditEventRepository> repository) {
            return new PadlockAuditListener(repository.getObject());
        }
    }
}
