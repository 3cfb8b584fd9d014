package io.github.padlock.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityParam;
import io.github.padlock.SecurityScopes;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Computes a handler method's {@link SecurityPlan} from its {@link SecurityParam} parameters and the security
 * dependency beans they name, and fails with {@link SecurityConfigurationException} when a parameter cannot be
 * satisfied. Runs at start-up only.
 */
final class SecurityPlanner {

    private final ConfigurableListableBeanFactory beanFactory;

    SecurityPlanner(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    SecurityPlan plan(HandlerMethod handlerMethod) {
        MethodParameter[] parameters = handlerMethod.getMethodParameters();
        Builder builder = null;
        for (MethodParameter parameter : parameters) {
            SecurityParam annotation = parameter.getParameterAnnotation(SecurityParam.class);
            if (annotation == null) {
                continue;
            }
            if (builder == null) {
                builder = new Builder(parameters.length);
            }
            SecurityDependency<?> dependency = dependencyFor(handlerMethod, parameter, annotation);
            int node = builder.visit(dependency, List.of(annotation.scopes()), List.of(), new ArrayList<>());
            builder.addRoot(node);
            builder.parameterNodes[parameter.getParameterIndex()] = node;
        }
        return (builder != null) ? builder.build() : SecurityPlan.NONE;
    }

    private SecurityDependency<?> dependencyFor(HandlerMethod handlerMethod, MethodParameter parameter,
            SecurityParam annotation) {
        Class<?> wanted = ClassUtils.resolvePrimitiveIfNecessary(injectedType(parameter));
        String beanName = annotation.value();
        if (beanName.isEmpty()) {
            List<String> matches = new ArrayList<>();
            for (String candidate : dependencyBeanNames()) {
                Class<?> produced = producedType(candidate).resolve();
                if (produced != null && wanted.isAssignableFrom(produced)) {
                    matches.add(candidate);
                }
            }
            if (matches.size() != 1) {
                throw new SecurityConfigurationException(describe(handlerMethod, parameter) + " selects its security "
                        + "dependency by type, and " + (matches.isEmpty() ? "no" : matches.size())
                        + " security dependency beans produce " + wanted.getName()
                        + (matches.isEmpty() ? "" : ": " + matches) + ". Security dependency beans: "
                        + candidates() + ".",
                        matches.isEmpty() ? "Declare a scheme or Verifier bean producing " + wanted.getSimpleName()
                                + ", or name one with @SecurityParam(\"beanName\")."
                                : "Name one of them with @SecurityParam(\"beanName\").");
            }
            beanName = matches.get(0);
        }
        else if (!this.beanFactory.containsBean(beanName)) {
            throw new SecurityConfigurationException(describe(handlerMethod, parameter) + " names the bean '"
                    + beanName + "', which does not exist. Security dependency beans: " + candidates() + ".",
                    "Declare a scheme or Verifier bean named '" + beanName + "', or name one of the beans above.");
        }
        Object bean = this.beanFactory.getBean(beanName);
        if (!(bean instanceof SecurityDependency<?> dependency)) {
            throw new SecurityConfigurationException(describe(handlerMethod, parameter) + " names the bean '"
                    + beanName + "' of type " + bean.getClass().getName()
                    + ", which is not a SecurityDependency. Security dependency beans: " + candidates() + ".",
                    "Name a scheme or Verifier bean.");
        }
        Class<?> produced = producedType(beanName).resolve();
        if (produced != null && !wanted.isAssignableFrom(produced)) {
            throw new SecurityConfigurationException(describe(handlerMethod, parameter) + " names the bean '"
                    + beanName + "', which produces " + produced.getName() + ", not " + wanted.getName() + ".",
                    "Change the parameter's type to " + produced.getSimpleName() + ", or name another bean.");
        }
        return dependency;
    }

    /** The parameter's type, without {@link Optional}. */
    private static Class<?> injectedType(MethodParameter parameter) {
        if (parameter.getParameterType() == Optional.class) {
            Class<?> element = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
            return (element != null) ? element : Object.class;
        }
        return parameter.getParameterType();
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

    private static String describe(HandlerMethod handlerMethod, MethodParameter parameter) {
        Method method = handlerMethod.getMethod();
        Parameter reflected = method.getParameters()[parameter.getParameterIndex()];
        String signature = Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
        return "@SecurityParam on parameter '" + reflected.getName() + "' (" + reflected.getType().getSimpleName()
                + ") of " + handlerMethod.getBeanType().getName() + "." + method.getName() + "(" + signature + ")";
    }

    /** Collects the nodes of one handler method, each (dependency, effective scope set) once. */
    private static final class Builder {

        private final List<SecurityPlan.Node> nodes = new ArrayList<>();

        private final Map<Key, Integer> index = new HashMap<>();

        private final Set<Integer> roots = new LinkedHashSet<>();

        private final List<SecurityPlan.SchemeUse> schemes = new ArrayList<>();

        private final int[] parameterNodes;

        Builder(int parameterCount) {
            this.parameterNodes = new int[parameterCount];
            Arrays.fill(this.parameterNodes, -1);
        }

        /**
         * Visit {@code dependency} reached through an edge requiring {@code own} scopes below ancestors that
         * required {@code parent} (FastAPI §5.1: effective = parent, then own scopes not already there).
         * @return the node's index
         */
        int visit(SecurityDependency<?> dependency, List<String> own, List<String> parent,
                List<SecurityDependency<?>> path) {
            for (SecurityDependency<?> ancestor : path) {
                if (ancestor == dependency) {
                    throw new SecurityConfigurationException("Security dependencies form a cycle: " + path
                            + " -> " + dependency + ".", "Make the dependencies() of each SecurityDependency point "
                                    + "only to dependencies below it.");
                }
            }
            List<String> effective = new ArrayList<>(parent);
            for (String scope : own) {
                if (!effective.contains(scope)) {
                    effective.add(scope);
                }
            }
            Key key = new Key(dependency, new TreeSet<>(effective));
            Integer existing = this.index.get(key);
            if (existing != null) {
                return existing;
            }
            SecurityScopes scopes = SecurityScopes.of(effective);
            if (dependency instanceof SecurityScheme<?> scheme) {
                this.schemes.add(new SecurityPlan.SchemeUse(scheme, scopes));
            }
            List<String> childParent = new ArrayList<>(parent);
            childParent.addAll(own);
            List<ScopedDependency> edges = dependency.dependencies();
            SecurityDependency<?>[] childDependencies = new SecurityDependency<?>[edges.size()];
            int[] children = new int[edges.size()];
            path.add(dependency);
            for (int i = 0; i < edges.size(); i++) {
                ScopedDependency edge = edges.get(i);
                childDependencies[i] = edge.dependency();
                children[i] = visit(edge.dependency(), edge.scopes(), childParent, path);
            }
            path.remove(path.size() - 1);
            this.nodes.add(new SecurityPlan.Node(dependency, scopes, childDependencies, children));
            int node = this.nodes.size() - 1;
            this.index.put(key, node);
            return node;
        }

        void addRoot(int node) {
            this.roots.add(node);
        }

        SecurityPlan build() {
            boolean optional = this.roots.stream()
                .allMatch((root) -> this.nodes.get(root).dependency() instanceof SecurityScheme<?> scheme
                        && !scheme.autoError());
            return new SecurityPlan(this.nodes.toArray(SecurityPlan.Node[]::new),
                    this.roots.stream().mapToInt(Integer::intValue).toArray(), this.parameterNodes, this.schemes,
                    optional);
        }
    }

    /** Identity of the dependency, equality of the scope set: FastAPI's cache key (§5.2). */
    private record Key(SecurityDependency<?> dependency, Set<String> scopes) {

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Key that && this.dependency == that.dependency && this.scopes.equals(that.scopes);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(this.dependency) + this.scopes.hashCode();
        }
    }
}
