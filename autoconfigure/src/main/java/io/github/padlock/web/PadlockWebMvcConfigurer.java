package io.github.padlock.web;

import java.util.List;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.SecurityPlans;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers Padlock's interceptor (with the brute-force limiter, when there is one) and argument resolver with Spring
 * MVC.
 */
final class PadlockWebMvcConfigurer implements WebMvcConfigurer {

    private final SecurityPlans plans;

    private final @Nullable AttemptLimiter limiter;

    private final PlanResolver resolver;

    /**
     * @param plans the plans of the application's handler methods
     * @param limiter refuses clients that failed too often, or {@code null} for none
     * @param resolver decides each resolution (observed, or {@link PlanResolver#DIRECT})
     */
    PadlockWebMvcConfigurer(SecurityPlans plans, @Nullable AttemptLimiter limiter, PlanResolver resolver) {
        this.plans = plans;
        this.limiter = limiter;
        this.resolver = resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SecurityInterceptor(this.plans, this.limiter, this.resolver));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SecurityParamArgumentResolver(this.plans));
    }
}
