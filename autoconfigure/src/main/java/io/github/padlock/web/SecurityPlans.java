package io.github.padlock.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The {@link SecurityPlan} of every handler method. Once all singletons exist, it plans every method of every
 * {@link RequestMappingInfoHandlerMapping}, so that a {@link io.github.padlock.SecurityParam} that cannot be
 * satisfied fails the application's start-up rather than a request; per request, a plan is one map lookup.
 */
public final class SecurityPlans implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;

    private final SecurityPlanner planner;

    private final Map<Method, SecurityPlan> plans = new ConcurrentHashMap<>();

    /**
     * @param beanFactory the factory holding the security dependency beans and the handler mappings
     */
    public SecurityPlans(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
        this.planner = new SecurityPlanner(beanFactory);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (RequestMappingInfoHandlerMapping mapping : this.beanFactory
            .getBeansOfType(RequestMappingInfoHandlerMapping.class)
            .values()) {
            mapping.getHandlerMethods().values().forEach(this::planFor);
        }
    }

    /**
     * @param handlerMethod a handler method
     * @return its plan, computed on first use for methods registered after start-up
     */
    public SecurityPlan planFor(HandlerMethod handlerMethod) {
        SecurityPlan plan = this.plans.get(handlerMethod.getMethod());
        return (plan != null) ? plan
                : this.plans.computeIfAbsent(handlerMethod.getMethod(), (method) -> this.planner.plan(handlerMethod));
    }

    /**
     * @param method a handler method's method
     * @return its plan, or {@code null} when it was never planned
     */
    @Nullable SecurityPlan planFor(Method method) {
        return this.plans.get(method);
    }
}
