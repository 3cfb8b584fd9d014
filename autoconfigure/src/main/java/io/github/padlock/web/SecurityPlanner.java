package io.github.padlock.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.padlock.RequiresSecurity;
import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityParam;
import io.github.padlock.SecurityScopes;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Computes a handler method's {@link SecurityPlan} from its {@link RequiresSecurity} annotations (class-level, then
 * method-level) and its {@link SecurityParam} parameters, in declaration order, and fails with
 * {@link SecurityConfigurationException} when one cannot be satisfied. Runs at start-up only.
 */
final class SecurityPlanner {

    private final ConfigurableListableBeanFactory beanFactory;

    private @Nullable Map<SecurityDependency<?>, String> beanNames;

    /** Class-level requirements, looked up once per controller rather than once per handler method. */
    private final Map<Class<?>, List<RequiresSecurity>> classRequirements = new ConcurrentHashMap<>();

    SecurityPlanner(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    SecurityPlan plan(HandlerMethod handlerMethod) {
        MethodParameter[] parameters = handlerMethod.getMethodParameters();
        Builder builder = new Builder(parameters.length);
        Class<?> beanType = handlerMethod.getBeanType();
        for (RequiresSecurity requirement : this.classRequirements.computeIfAbsent(beanType,
                (type) -> List.copyOf(AnnotatedElementUtils.findMergedRepeatableAnnotations(type,
                        RequiresSecurity.class)))) {
            Supplier<String> site = () -> "@RequiresSecurity on " + beanType.getName();
            builder.addRoot(site, reference(site, requirement.value(), requirement.anyOf(), null),
                    requirement.scopes(), true);
        }
        for (RequiresSecurity requirement : AnnotatedElementUtils
            .findMergedRepeatableAnnotations(handlerMethod.getMethod(), RequiresSecurity.class)) {
            Supplier<String> site = () -> "@RequiresSecurity on " + describe(handlerMethod);
            builder.addRoot(site, reference(site, requirement.value(), requirement.anyOf(), null),
                    requirement.scopes(), true);
        }
        for (MethodParameter parameter : parameters) {
            SecurityParam annotation = parameter.getParameterAnnotation(SecurityParam.class);
            if (annotation != null) {
                Supplier<String> site = () -> describe(handlerMethod, parameter);
                SecurityDependency<?> dependency = reference(site, annotation.value(), annotation.anyOf(),
                        ClassUtils.resolvePrimitiveIfNecessary(injectedType(parameter)));
                int node = builder.addRoot(site, dependency, annotation.scopes(), !parameter.isOptional());
                builder.parameterNodes[parameter.getParameterIndex()] = node;
            }
        }
        return builder.isEmpty() ? SecurityPlan.NONE : builder.build(beanType, handlerMethod.getMethod());
    }

    /**
     * The dependency an annotation refers to: a bean by name, alternatives by name, or (for a parameter) the single
     * bean producing {@code wanted}.
     */
    private SecurityDependency<?> reference(Supplier<String> site, String name, String[] anyOf, @Nullable Class<?> wanted) {
        if (!name.isEmpty() && anyOf.length > 0) {
            throw new SecurityConfigurationException(site.get() + " names both a bean ('" + name + "') and alternatives "
                    + Arrays.toString(anyOf) + ".", "Give either the bean name or anyOf, not both.");
        }
        if (anyOf.length > 0) {
            List<ScopedDependency> alternatives = new ArrayList<>();
            for (String alternative : anyOf) {
                alternatives.add(ScopedDependency.of(bean(site, alternative, wanted)));
            }
            return new AnyOf(alternatives, List.of(anyOf));
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

    /** A dependency by its bean name where it is a bean, for messages. */
    private String describe(SecurityDependency<?> dependency) {
        if (this.beanNames == null) {
            Map<SecurityDependency<?>, String> names = new IdentityHashMap<>();
            this.beanFactory.getBeansOfType(SecurityDependency.class).forEach((name, bean) -> names.put(bean, name));
            this.beanNames = names;
        }
        String name = this.beanNames.get(dependency);
        return (name != null) ? "'" + name + "'" : dependency.toString();
    }

    private static String describe(HandlerMethod handlerMethod) {
        Method method = handlerMethod.getMethod();
        String signature = Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
        return handlerMethod.getBeanType().getName() + "." + method.getName() + "(" + signature + ")";
    }

    private static String describe(HandlerMethod handlerMethod, MethodParameter parameter) {
        Parameter reflected = handlerMethod.getMethod().getParameters()[parameter.getParameterIndex()];
        return "@SecurityParam on parameter '" + reflected.getName() + "' (" + reflected.getType().getSimpleName()
                + ") of " + describe(handlerMethod);
    }

    /** Collects the nodes of one handler method, each (dependency, effective scope set) once. */
    private final class Builder {

        private final List<SecurityPlan.Node> nodes = new ArrayList<>();

        private final Map<Key, Integer> index = new HashMap<>();

        /** Each root once, in the order first met, with whether it must produce a value. */
        private final Map<Integer, Boolean> roots = new LinkedHashMap<>();

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
            if (path.stream().anyMatch((ancestor) -> ancestor == dependency)) {
                throw new SecurityConfigurationException("Security dependencies form a cycle: "
                        + path.stream().map(SecurityPlanner.this::describe).collect(Collectors.joining(" -> "))
                        + " -> " + describe(dependency) + ".",
                        "Make the dependencies() of each SecurityDependency point only to dependencies below it.");
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
            Set<String> challenges = new LinkedHashSet<>();
            Set<Integer> schemeNodes = new LinkedHashSet<>();
            if (dependency instanceof SecurityScheme<?> scheme) {
                challenges.add(scheme.challenge());
                schemeNodes.add(this.nodes.size());
            }
            for (int child : children) {
                challenges.addAll(this.nodes.get(child).challenges());
                Arrays.stream(this.nodes.get(child).schemeNodes()).forEach(schemeNodes::add);
            }
            this.nodes.add(new SecurityPlan.Node(dependency, SecurityScopes.of(effective), childDependencies,
                    children, List.copyOf(challenges), schemeNodes.stream().mapToInt(Integer::intValue).toArray()));
            int node = this.nodes.size() - 1;
            this.index.put(key, node);
            return node;
        }

        /**
         * Add what an annotation asks for. Refuses at start-up what could only ever be wrong: scopes asked of a bare
         * scheme (a scheme reads credentials and checks nothing, so no one would check them), and a dependency that
         * reads no scheme (a 401 needs a challenge, RFC 9110 §15.5.2, and the document needs a scheme).
         * @return the node's index
         */
        int addRoot(Supplier<String> site, SecurityDependency<?> dependency, String[] scopes, boolean required) {
            if (scopes.length > 0) {
                List<SecurityDependency<?>> asked = (dependency instanceof AnyOf anyOf)
                        ? anyOf.dependencies().stream().<SecurityDependency<?>>map(ScopedDependency::dependency).toList()
                        : List.of(dependency);
                for (SecurityDependency<?> target : asked) {
                    if (target instanceof SecurityScheme<?>) {
                        throw new SecurityConfigurationException(site.get() + " asks the scopes "
                                + Arrays.toString(scopes) + " of the scheme " + describe(target)
                                + ", which only reads credentials: nothing would ever check the scopes.",
                                "Ask them of a verifier over the scheme that checks them (a padlock.verifiers entry "
                                        + "of type users, api-keys or jwt, or your own Verifier.of(scheme, "
                                        + "(credentials, scopes) -> ...) calling scopes.require(granted)).");
                    }
                }
            }
            int node = visit(dependency, List.of(scopes), List.of(), new ArrayList<>());
            if (this.nodes.get(node).challenges().isEmpty()) {
                throw new SecurityConfigurationException(site.get() + " names " + describe(dependency)
                        + ", which reads no security scheme: Padlock could neither challenge a client without "
                        + "credentials (RFC 9110 §15.5.2) nor document it in OpenAPI.",
                        "Build it on a scheme bean (HttpBasic, ApiKeyHeader, OAuth2PasswordBearer, ...), or make "
                                + "it a SecurityScheme.");
            }
            this.roots.merge(node, required, Boolean::logicalOr);
            return node;
        }

        boolean isEmpty() {
            return this.roots.isEmpty();
        }

        SecurityPlan build(Class<?> beanType, Method method) {
            List<List<SecurityPlan.SchemeUse>> requirements = List.of(List.of());
            for (int root : this.roots.keySet()) {
                SecurityPlan.Node node = this.nodes.get(root);
                List<List<SecurityPlan.SchemeUse>> choices = new ArrayList<>();
                if (node.isAnyOf()) {
                    for (int alternative : node.children()) {
                        choices.add(schemeUses(alternative));
                    }
                }
                else {
                    choices.add(schemeUses(root));
                }
                requirements = combine(requirements, choices);
            }
            boolean optional = this.roots.entrySet()
                .stream()
                .allMatch((root) -> !root.getValue() && this.nodes.get(root.getKey()).scopes().scopes().isEmpty()
                        && isOptional(root.getKey()));
            int[] roots = this.roots.keySet().stream().mapToInt(Integer::intValue).toArray();
            boolean[] required = new boolean[roots.length];
            int position = 0;
            for (boolean value : this.roots.values()) {
                required[position++] = value;
            }
            return new SecurityPlan(beanType, method, this.nodes.toArray(SecurityPlan.Node[]::new), roots, required,
                    this.parameterNodes, requirements, optional);
        }

        /** Every requirement so far, each extended with each choice: all-of across roots, any-of within. */
        private static List<List<SecurityPlan.SchemeUse>> combine(List<List<SecurityPlan.SchemeUse>> requirements,
                List<List<SecurityPlan.SchemeUse>> choices) {
            Set<List<SecurityPlan.SchemeUse>> combined = new LinkedHashSet<>();
            for (List<SecurityPlan.SchemeUse> requirement : requirements) {
                for (List<SecurityPlan.SchemeUse> choice : choices) {
                    Set<SecurityPlan.SchemeUse> uses = new LinkedHashSet<>(requirement);
                    uses.addAll(choice);
                    combined.add(List.copyOf(uses));
                }
            }
            return List.copyOf(combined);
        }

        /** The schemes beneath a node, depth-first, pre-order, children in declaration order (FastAPI §4.2). */
        private List<SecurityPlan.SchemeUse> schemeUses(int root) {
            List<SecurityPlan.SchemeUse> uses = new ArrayList<>();
            collect(root, new boolean[this.nodes.size()], uses);
            return uses;
        }

        private void collect(int index, boolean[] seen, List<SecurityPlan.SchemeUse> uses) {
            if (seen[index]) {
                return;
            }
            seen[index] = true;
            SecurityPlan.Node node = this.nodes.get(index);
            if (node.dependency() instanceof SecurityScheme<?> scheme) {
                uses.add(new SecurityPlan.SchemeUse(scheme, node.scopes()));
            }
            for (int child : node.children()) {
                collect(child, seen, uses);
            }
        }

        /** Whether a request without credentials may pass this node: an optional scheme, or alternatives of them. */
        private boolean isOptional(int index) {
            SecurityPlan.Node node = this.nodes.get(index);
            if (node.isAnyOf()) {
                return Arrays.stream(node.children()).allMatch(this::isOptional);
            }
            return node.dependency() instanceof SecurityScheme<?> scheme && !scheme.autoError();
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
