package io.github.padlock.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The {@link SecurityPlan} of every handler method. Once all singletons exist, it plans every method of every
 * {@link RequestMappingInfoHandlerMapping}, so that a {@link io.github.padlock.SecurityParam} that cannot be
 * satisfied, or two schemes sharing an OpenAPI component key, fail the application's start-up rather than a request;
 * per request, a plan is one map lookup.
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
        checkSchemeNames();
    }

    /**
     * Two distinct schemes with one {@link SecurityScheme#schemeName()} would share an OpenAPI component, and the
     * document would describe only one of them (FastAPI silently overwrites, fastapi#4791): refuse to start.
     */
    private void checkSchemeNames() {
        Map<SecurityScheme<?>, String> beanNames = new IdentityHashMap<>();
        this.beanFactory.getBeansOfType(SecurityScheme.class).forEach((name, scheme) -> beanNames.put(scheme, name));
        Map<String, SecurityScheme<?>> byName = new HashMap<>();
        List<SecurityScheme<?>> schemes = new ArrayList<>(beanNames.keySet());
        this.plans.values().forEach((plan) -> plan.schemes().forEach((use) -> schemes.add(use.scheme())));
        for (SecurityScheme<?> scheme : schemes) {
            SecurityScheme<?> other = byName.putIfAbsent(scheme.schemeName(), scheme);
            if (other != null && other != scheme) {
                throw new SecurityConfigurationException("The security schemes " + describe(other, beanNames)
                        + " and " + describe(scheme, beanNames) + " share the OpenAPI component key '"
                        + scheme.schemeName() + "', so the documentation would describe only one of them.",
                        "Give one of them its own name with the builder's schemeName(...).");
            }
        }
    }

    private static String describe(SecurityScheme<?> scheme, Map<SecurityScheme<?>, String> beanNames) {
        String beanName = beanNames.get(scheme);
        return (beanName != null) ? "'" + beanName + "' (" + scheme.getClass().getSimpleName() + ")"
                : scheme + " (not a bean)";
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
