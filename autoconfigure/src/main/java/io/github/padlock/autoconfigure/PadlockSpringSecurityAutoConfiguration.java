package io.github.padlock.autoconfigure;

import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.springsecurity.PadlockSpringSecurity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the bridge to Spring Security, when spring-security-core is on the classpath (Padlock never
 * brings it): for the handler's duration, the principal Padlock resolved is the {@code Authentication} of Spring
 * Security's {@code SecurityContext}, so that method security, {@code @AuthenticationPrincipal} and auditing see a
 * request Padlock granted as one Spring Security authenticated. On by default; {@code padlock.spring-security.enabled}
 * turns it off. It uses the application's {@link SecurityContextHolderStrategy} bean when there is one, as Spring
 * Security does, else the holder's global strategy.
 */
@AutoConfiguration(after = PadlockAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = WebMvcConfigurer.class, name = PadlockSpringSecurityAutoConfiguration.HOLDER)
@ConditionalOnBean(SecurityPlans.class)
@ConditionalOnBooleanProperty(name = "padlock.spring-security.enabled", matchIfMissing = true)
public final class PadlockSpringSecurityAutoConfiguration {

    /** Spring Security's context holder, named so that nothing loads it to read the condition. */
    static final String HOLDER = "org.springframework.security.core.context.SecurityContextHolder";

    /**
     * The bean, in a nested class that names Spring Security's types, so that nothing loads them without the library:
     * an auto-configuration listed by class (as in tests) is read through reflection, which would load them.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = HOLDER)
    static class Bridge {

        @Bean
        @ConditionalOnMissingBean(name = "padlockSpringSecurityWebMvcConfigurer")
        WebMvcConfigurer padlockSpringSecurityWebMvcConfigurer(ObjectProvider<SecurityContextHolderStrategy> holder) {
            return PadlockSpringSecurity
                .webMvcConfigurer(holder.getIfUnique(SecurityContextHolder::getContextHolderStrategy));
        }
    }
}
