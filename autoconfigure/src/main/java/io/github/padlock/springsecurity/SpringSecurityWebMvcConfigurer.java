package io.github.padlock.springsecurity;

import java.util.List;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the bridge's interceptor after Padlock's, and its answer to Spring Security's refusals before Spring
 * MVC's own resolvers.
 */
final class SpringSecurityWebMvcConfigurer implements WebMvcConfigurer {

    private final SecurityContextHolderStrategy holder;

    SpringSecurityWebMvcConfigurer(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SecurityContextBridge(this.holder)).order(PadlockSpringSecurity.INTERCEPTOR_ORDER);
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new AccessDeniedRefusals(this.holder, resolvers));
    }
}
