package io.github.padlock.web;

import java.util.List;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers Padlock's interceptor and argument resolver with Spring MVC.
 */
public final class PadlockWebMvcConfigurer implements WebMvcConfigurer {

    private final SecurityPlans plans;

    /**
     * @param plans the plans of the application's handler methods
     */
    public PadlockWebMvcConfigurer(SecurityPlans plans) {
        this.plans = plans;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SecurityInterceptor(this.plans));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SecurityParamArgumentResolver(this.plans));
    }
}
