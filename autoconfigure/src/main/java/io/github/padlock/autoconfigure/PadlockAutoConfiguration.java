package io.github.padlock.autoconfigure;

import io.github.padlock.oauth2.OAuth2WebMvcConfigurer;
import io.github.padlock.web.PadlockExceptionHandler;
import io.github.padlock.web.PadlockWebMvcConfigurer;
import io.github.padlock.web.SecurityPlans;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration for Padlock in a Spring MVC application: plans every handler's {@code @SecurityParam}
 * parameters at start-up, resolves them before argument binding, binds the OAuth2 password request form, and
 * renders refusals as problem+json; declares the schemes, verifiers, users, API keys, JWT settings and token endpoint
 * of {@code padlock.*}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class })
@EnableConfigurationProperties(PadlockProperties.class)
@Import({ PadlockBeansRegistrar.class, PadlockCredentialsConfiguration.class, PadlockJwtConfiguration.class })
public final class PadlockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityPlans padlockSecurityPlans(ConfigurableListableBeanFactory beanFactory) {
        return new SecurityPlans(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    PadlockWebMvcConfigurer padlockWebMvcConfigurer(SecurityPlans plans) {
        return new PadlockWebMvcConfigurer(plans);
    }

    @Bean
    @ConditionalOnMissingBean
    OAuth2WebMvcConfigurer padlockOAuth2WebMvcConfigurer() {
        return new OAuth2WebMvcConfigurer();
    }

    @Bean
    @ConditionalOnMissingBean
    PadlockExceptionHandler padlockExceptionHandler(PadlockProperties properties) {
        return new PadlockExceptionHandler(properties.getError().isIncludeScope());
    }
}
