package io.github.padlock.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Finds the security dependency a declaration names — a bean by name, alternatives by name, or the single bean
 * producing the parameter's type — and explains, naming the declaration's site and the candidates, why one cannot be
 * found.
 */
final class DependencyBeans {

    private final ConfigurableListableBeanFactory beanFactory;

    private @Nullable Map<SecurityDependency<?>, String> beanNames;

    DependencyBeans(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /**
     * @return the dependency {@code declaration} refers to: a bean, or an {@link AnyOf} of beans
     * @throws SecurityConfigurationException when there is none, several, or the wrong kind
     */
    SecurityDependency<?> find(Declaration declaration) {
        Supplier<String> site = declaration.site();
        String name = declaration.name();
        List<String> anyOf = declaration.anyOf();
        Class<?> wanted = declaration.wanted();
        if (!name.isEmpty() && !anyOf.isEmpty()) {
            throw new SecurityConfigurationException(site.get() + " names both a bean ('" + name + "') and alternatives "
                    + anyOf + ".", "Give either the bean name or anyOf, not both.");
        }
        if (!anyOf.isEmpty()) {
            List<ScopedDependency> alternatives = new ArrayList<>();
            for (String alternative : anyOf) {
                alternatives.add(ScopedDependency.of(bean(site, alternative, wanted)));
            }
            return new AnyOf(alternatives, anyOf);
        }
        if (!name.isEmpty()) {
            return bean(site, name, wanted);
        }
        if (wanted == null) {
            throw new SecurityConfigurationException(site.get() + " names no security dependency.",
                    "Name a scheme or Verifier bean, as in @RequiresSecurity(\"beanName\"), or give anyOf.");
        }
        return bean(site, byType(site, wanted), wanted);
    }

    private String byType(Supplier<String> site, Class<?> wanted) {
        List<String> matches = new ArrayList<>();
        for (String candidate : dependencyBeanNames()) {
            Class<?> produced = producedType(candidate).resolve();
            if (produced != null && wanted.isAssignableFrom(produced)) {
                matches.add(candidate);
            }
        }
        if (matches.size() != 1) {
            throw new SecurityConfigurationException(site.get() + " selects its security dependency by type, and "
                    + (matches.isEmpty() ? "no" : matches.size()) + " security dependency beans produce "
                    + wanted.getName() + (matches.isEmpty() ? "" : ": " + matches) + ". Security dependency beans: "
                    + candidates() + ".",
                    matches.isEmpty() ? "Declare a scheme or Verifier bean producing " + wanted.getSimpleName()
                            + ", or name one with @SecurityParam(\"beanName\")."
                            : "Name one of them with @SecurityParam(\"beanName\").");
        }
        return matches.get(0);
    }

    private SecurityDependency<?> bean(Supplier<String> site, String beanName, @Nullable Class<?> wanted) {
        if (!this.beanFactory.containsBean(beanName)) {
            throw new SecurityConfigurationException(site.get() + " names the bean '" + beanName
                    + "', which does not exist. Security dependency beans: " + candidates() + ".",
                    "Declare a scheme or Verifier bean named '" + beanName + "', or name one of the beans above.");
        }
        Object bean = this.beanFactory.getBean(beanName);
        if (!(bean instanceof SecurityDependency<?> dependency)) {
            throw new SecurityConfigurationException(site.get() + " names the bean '" + beanName + "' of type "
                    + bean.getClass().getName() + ", which is not a SecurityDependency. Security dependency beans: "
                    + candidates() + ".", "Name a scheme or Verifier bean.");
        }
        Class<?> produced = producedType(beanName).resolve();
        if (wanted != null && produced != null && !wanted.isAssignableFrom(produced)) {
            throw new SecurityConfigurationException(site.get() + " names the bean '" + beanName + "', which produces "
                    + produced.getName() + ", not " + wanted.getName() + ".",
                    "Change the parameter's type to " + produced.getSimpleName() + ", or name another bean.");
        }
        return dependency;
    }

    private List<String> dependencyBeanNames() {
        return Arrays.asList(this.beanFactory.getBeanNamesForType(SecurityDependency.class));
    }

    private String candidates() {
        List<String> names = dependencyBeanNames();
        if (names.isEmpty()) {
            return "none";
        }
        return names.stream().map((name) -> {
            Class<?> produced = producedType(name).resolve();
            return name + " (produces " + ((produced != null) ? produced.getName() : "an unknown type") + ")";
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * @return the {@code T} of the bean's {@code SecurityDependency<T>} as a class, or {@code null} when it is not
     * known (a raw type, say)
     */
    @Nullable Class<?> producedClass(String beanName) {
        return producedType(beanName).resolve();
    }

    /** The {@code T} of the bean's {@code SecurityDependency<T>}, from its declaration when generics are known. */
    private ResolvableType producedType(String beanName) {
        ResolvableType beanType = this.beanFactory.containsBeanDefinition(beanName)
                ? this.beanFactory.getMergedBeanDefinition(beanName).getResolvableType() : ResolvableType.NONE;
        if (beanType.resolve() == null) {
            Class<?> type = this.beanFactory.getType(beanName);
            beanType = (type != null) ? ResolvableType.forClass(type) : ResolvableType.NONE;
        }
        return beanType.as(SecurityDependency.class).getGeneric(0);
    }

    /** A dependency by its bean name where it is a bean, for messages. */
    String describe(SecurityDependency<?> dependency) {
        String name = beanNames().get(dependency);
        return (name != null) ? "'" + name + "'" : dependency.toString();
    }

    /**
     * A dependency's bean name, {@code anyOf} for alternatives, or the class name of one that is no bean: a name of
     * the application's code, never of a request's, so that observations may carry it.
     */
    String nameOf(SecurityDependency<?> dependency) {
        String name = beanNames().get(dependency);
        if (name != null) {
            return name;
        }
        return (dependency instanceof AnyOf) ? "anyOf" : dependency.getClass().getName();
    }

    private Map<SecurityDependency<?>, String> beanNames() {
        if (this.beanNames == null) {
            Map<SecurityDependency<?>, String> names = new IdentityHashMap<>();
            this.beanFactory.getBeansOfType(SecurityDependency.class).forEach((name, bean) -> names.put(bean, name));
            this.beanNames = names;
        }
        return this.beanNames;
    }
}
