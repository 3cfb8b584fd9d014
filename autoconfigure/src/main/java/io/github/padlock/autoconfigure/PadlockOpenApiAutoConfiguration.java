package io.github.padlock.autoconfigure;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.SecurityParam;
import io.github.padlock.oauth2.OAuth2PasswordRequestForm;
import io.github.padlock.oauth2.OAuth2PasswordRequestFormStrict;
import io.github.padlock.openapi.PadlockOpenApi;
import io.github.padlock.plan.SecurityPlans;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Padlock's springdoc integration, active when springdoc is on the classpath: the OpenAPI
 * document's security schemes and requirements come from the same plans as the runtime checks, and
 * {@code @SecurityParam} parameters are hidden from the operation's parameters, and the OAuth2 password request form
 * is documented as the form body it is bound from; the token endpoint has its own tag, summary and bodies.
 */
@AutoConfiguration(after = PadlockAutoConfiguration.class)
@ConditionalOnClass({ GlobalOperationComponentsCustomizer.class, SpringDocUtils.class })
@ConditionalOnBean(SecurityPlans.class)
@EnableConfigurationProperties(PadlockProperties.class)
public final class PadlockOpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig()
            .addAnnotationsToIgnore(SecurityParam.class)
            .addRequestWrapperToIgnore(OAuth2PasswordRequestForm.class, OAuth2PasswordRequestFormStrict.class);
    }

    @Bean
    @ConditionalOnMissingBean(name = "padlockSecurityOperationCustomizer")
    GlobalOperationComponentsCustomizer padlockSecurityOperationCustomizer(SecurityPlans plans,
            ObjectProvider<AttemptLimiter> limiter) {
        return PadlockOpenApi.securityCustomizer(plans, limiter.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(name = "padlockTokenEndpointOperationCustomizer")
    GlobalOperationComponentsCustomizer padlockTokenEndpointOperationCustomizer(ObjectProvider<AttemptLimiter> limiter,
            PadlockProperties properties) {
        return PadlockOpenApi.tokenEndpointCustomizer(limiter.getIfAvailable(),
                properties.getTokenEndpoint().getRefreshTokens().isEnabled());
    }

    @Bean
    @ConditionalOnMissingBean(name = "padlockPasswordRequestFormOperationCustomizer")
    GlobalOperationComponentsCustomizer padlockPasswordRequestFormOperationCustomizer() {
        return PadlockOpenApi.passwordFormCustomizer();
    }
}
