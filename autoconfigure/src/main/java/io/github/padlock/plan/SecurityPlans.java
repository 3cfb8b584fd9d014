package io.github.padlock.plan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.padlock.SecurityDependency;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.web.method.HandlerMethod;

/**
 * The {@link SecurityPlan} of every handler, computed once: the web glue plans every handler at start-up (so that a
 * {@link io.github.padlock.SecurityParam} that cannot be satisfied fails the start-up rather than a request) and then
 * calls {@link #checkSchemeNames()}; per request, a plan is one map lookup.
 * <p>
 * A handler is what Spring's {@link HandlerMethod} identifies: a controller type and a method. Plans are keyed by
 * both, never by the {@link Method} alone, since one method inherited by two controllers (from an abstract base, an
 * interface's default method or a generic base) is two handlers with two sets of class-level requirements.
 */
public final class SecurityPlans {

    private final ConfigurableListableBeanFactory beanFactory;

    private final SecurityPlanner planner;

    /** By method first (its hash is cheap and stable), then by controller type: usually one. */
    private final Map<Method, ByBeanType> plans = new ConcurrentHashMap<>();

    /**
     * @param beanFactory the factory holding the security dependency beans and the handler mappings
     */
    public SecurityPlans(ConfigurableListableBeanFactory beanFactory) {
        this(beanFactory, null);
    }

    /**
     * @param beanFactory the factory holding the security dependency beans and the handler mappings
     * @param stubs the test kit's stubs ({@code padlock-spring-boot-test}), or {@code null}, as outside tests
     */
    public SecurityPlans(ConfigurableListableBeanFactory beanFactory, @Nullable DependencyStubs stubs) {
        this.beanFactory = beanFactory;
        this.planner = new SecurityPlanner(beanFactory, stubs);
    }

    /**
     * Two distinct schemes with one {@link SecurityScheme#schemeName()} would share an OpenAPI component, and the
     * document would describe only one of them (FastAPI silently overwrites, fastapi#4791): refuse to start.
     * @throws SecurityConfigurationException naming both
     */
    public void checkSchemeNames() {
        Map<SecurityScheme<?>, String> beanNames = new IdentityHashMap<>();
        this.beanFactory.getBeansOfType(SecurityScheme.class).forEach((name, scheme) -> beanNames.put(scheme, name));
        Map<String, SecurityScheme<?>> byName = new HashMap<>();
        List<SecurityScheme<?>> schemes = new ArrayList<>(beanNames.keySet());
        this.plans.values()
            .forEach((byType) -> Arrays.stream(byType.plans())
                .forEach((plan) -> plan.schemes().forEach((use) -> schemes.add(use.scheme()))));
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
     * As Padlock's start-up failures name a handler: {@code com.example.Controller.method(Type, Type)}.
     * @param handlerMethod the handler
     * @return its name
     */
    public static String describe(HandlerMethod handlerMethod) {
        return HandlerDeclarations.describe(handlerMethod);
    }

    /**
     * The name plans, observations and descriptions give a dependency: its bean name, or the class name of one that
     * is no bean (a verifier built inside another bean, say). A name of the application's code, never of a request's.
     * @param dependency a scheme or verifier
     * @return its name
     */
    public String nameOf(SecurityDependency<?> dependency) {
        return this.planner.nameOf(dependency);
    }

    /**
     * What a security dependency bean produces, read from its declaration as selection by type reads it: the
     * {@code T} of its {@code SecurityDependency<T>}.
     * @param beanName the bean's name
     * @return the type it produces, or {@code null} when its declaration does not tell (a raw type, say)
     */
    public @Nullable Class<?> producedType(String beanName) {
        return this.planner.producedClass(beanName);
    }

    /**
     * @param handlerMethod a handler
     * @return its plan, computed on first use for handlers registered after start-up
     */
    public SecurityPlan planFor(HandlerMethod handlerMethod) {
        Class<?> beanType = handlerMethod.getBeanType();
        Method method = handlerMethod.getMethod();
        SecurityPlan plan = find(beanType, method);
        if (plan != null) {
            return plan;
        }
        SecurityPlan planned = this.planner.plan(handlerMethod);
        return this.plans.merge(method, new ByBeanType(new Class<?>[] { beanType }, new SecurityPlan[] { planned }),
                ByBeanType::merge).find(beanType);
    }

    /**
     * @param beanType the controller type (without a CGLIB proxy's subclass)
     * @param method the handler method
     * @return the plan of that handler, or {@code null} when it was never planned
     */
    public @Nullable SecurityPlan find(Class<?> beanType, Method method) {
        ByBeanType byType = this.plans.get(method);
        return (byType != null) ? byType.find(beanType) : null;
    }

    /** The plans of one method, one per controller type that maps it. */
    private record ByBeanType(Class<?>[] beanTypes, SecurityPlan[] plans) {

        @Nullable SecurityPlan find(Class<?> beanType) {
            for (int i = 0; i < this.beanTypes.length; i++) {
                if (this.beanTypes[i] == beanType) {
                    return this.plans[i];
                }
            }
            return null;
        }

        /** The first plan of each controller type wins, so that a plan never changes once handed out. */
        ByBeanType merge(ByBeanType added) {
            ByBeanType merged = this;
            for (int i = 0; i < added.beanTypes.length; i++) {
                if (merged.find(added.beanTypes[i]) == null) {
                    Class<?>[] types = Arrays.copyOf(merged.beanTypes, merged.beanTypes.length + 1);
                    SecurityPlan[] plans = Arrays.copyOf(merged.plans, merged.plans.length + 1);
                    types[types.length - 1] = added.beanTypes[i];
                    plans[plans.length - 1] = added.plans[i];
                    merged = new ByBeanType(types, plans);
                }
            }
            return merged;
        }
    }
}
