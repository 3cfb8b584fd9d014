package io.github.padlock.web;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.SecurityPlans;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Spring MVC glue as Spring types, for the auto-configuration (or an application that wires Padlock itself): the
 * classes behind them are internal.
 */
public final class PadlockWeb {

    private PadlockWeb() {
    }

    /**
     * @param plans the plans of the application's handlers
     * @param limiter refuses clients that failed too often, or {@code null} for none
     * @return a configurer that registers Padlock's interceptor (resolving each handler's plan before any argument is
     * bound) and its {@code @SecurityParam} argument resolver
     */
    public static WebMvcConfigurer webMvcConfigurer(SecurityPlans plans, @Nullable AttemptLimiter limiter) {
        return webMvcConfigurer(plans, limiter, PlanResolver.DIRECT);
    }

    /**
     * @param plans the plans of the application's handlers
     * @param limiter refuses clients that failed too often, or {@code null} for none
     * @param resolver decides each resolution: {@link PlanResolver#DIRECT}, or wrapped by observations and events
     * @return a configurer that registers Padlock's interceptor (resolving each handler's plan before any argument is
     * bound) and its {@code @SecurityParam} argument resolver
     */
    public static WebMvcConfigurer webMvcConfigurer(SecurityPlans plans, @Nullable AttemptLimiter limiter,
            PlanResolver resolver) {
        return new PadlockWebMvcConfigurer(plans, limiter, resolver);
    }

    /**
     * For a {@code MockMvcBuilders.standaloneSetup} (as {@code padlock-spring-boot-test}'s {@code PadlockMockMvc}
     * builds one), where no {@link WebMvcConfigurer} is applied.
     * @param plans the plans of the application's handlers
     * @param limiter refuses clients that failed too often, or {@code null} for none
     * @return Padlock's interceptor, which resolves each handler's plan before any argument is bound
     */
    public static HandlerInterceptor interceptor(SecurityPlans plans, @Nullable AttemptLimiter limiter) {
        return new SecurityInterceptor(plans, limiter);
    }

    /**
     * For a {@code MockMvcBuilders.standaloneSetup}, beside {@link #interceptor(SecurityPlans, AttemptLimiter)}.
     * @param plans the plans of the application's handlers
     * @return Padlock's {@code @SecurityParam} argument resolver
     */
    public static HandlerMethodArgumentResolver argumentResolver(SecurityPlans plans) {
        return new SecurityParamArgumentResolver(plans);
    }

    /**
     * @param beanFactory the factory holding the handler mappings
     * @param plans where the plans are kept
     * @return what plans every handler of every request mapping once all singletons exist, failing the start-up for a
     * declaration that cannot work
     */
    public static SmartInitializingSingleton handlerPlanning(ListableBeanFactory beanFactory, SecurityPlans plans) {
        return handlerPlanning(beanFactory, plans, UnprotectedAudit.WARN);
    }

    /**
     * @param beanFactory the factory holding the handler mappings
     * @param plans where the plans are kept
     * @param audit what to do with handlers that have no requirement and are not marked
     * {@link io.github.padlock.PublicEndpoint}
     * @return what plans every handler of every request mapping once all singletons exist, failing the start-up for a
     * declaration that cannot work, and audits the handlers open by accident
     */
    public static SmartInitializingSingleton handlerPlanning(ListableBeanFactory beanFactory, SecurityPlans plans,
            UnprotectedAudit audit) {
        return new HandlerPlanning(beanFactory, plans, audit);
    }
}
