package io.github.padlock.plan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityScopes;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

/**
 * Builds the graph of one handler's plan: each (dependency, effective scope set) once — FastAPI's cache key (§5.2) —
 * with the scopes of every edge (§5.1), the challenges and schemes beneath each node, and cycle detection. Refuses at
 * start-up what could only ever be wrong: scopes asked of a bare scheme (a scheme reads credentials and checks
 * nothing), and a dependency that reads no scheme (a 401 needs a challenge, RFC 9110 §15.5.2, and the document a
 * scheme).
 */
final class PlanGraph {

    private final Function<SecurityDependency<?>, String> describe;

    private final Function<SecurityDependency<?>, String> name;

    private final List<Node> nodes = new ArrayList<>();

    private final Map<Key, Integer> index = new HashMap<>();

    /** Each root once, in the order first met, with whether it must produce a value. */
    private final Map<Integer, Boolean> roots = new LinkedHashMap<>();

    private final int[] parameterNodes;

    /**
     * @param parameterCount the handler's parameter count
     * @param describe names a dependency in messages (by its bean name where it has one)
     */
    PlanGraph(int parameterCount, Function<SecurityDependency<?>, String> describe) {
        this(parameterCount, describe, (dependency) -> dependency.getClass().getName());
    }

    /**
     * @param parameterCount the handler method's parameter count
     * @param describe names a dependency in messages (by its bean name where it has one)
     * @param name names a dependency in observations (its bean name where it has one)
     */
    PlanGraph(int parameterCount, Function<SecurityDependency<?>, String> describe,
            Function<SecurityDependency<?>, String> name) {
        this.describe = describe;
        this.name = name;
        this.parameterNodes = new int[parameterCount];
        Arrays.fill(this.parameterNodes, -1);
    }

    /**
     * Add what a declaration asks for.
     * @param site where it was declared, for messages
     * @param dependency what it names
     * @param scopes the scopes it asks
     * @param required whether the dependency must produce a value
     * @return the node's index
     */
    int addRoot(Supplier<String> site, SecurityDependency<?> dependency, List<String> scopes, boolean required) {
        if (!scopes.isEmpty()) {
            List<SecurityDependency<?>> asked = (dependency instanceof AnyOf anyOf)
                    ? anyOf.dependencies().stream().<SecurityDependency<?>>map(ScopedDependency::dependency).toList()
                    : List.of(dependency);
            for (SecurityDependency<?> target : asked) {
                if (target instanceof SecurityScheme<?>) {
                    throw new SecurityConfigurationException(site.get() + " asks the scopes " + scopes
                            + " of the scheme " + this.describe.apply(target)
                            + ", which only reads credentials: nothing would ever check the scopes.",
                            "Ask them of a verifier over the scheme that checks them (a padlock.verifiers entry "
                                    + "of type users, api-keys or jwt, or your own Verifier.of(scheme, "
                                    + "(credentials, scopes) -> ...) calling scopes.require(granted)).");
                }
            }
        }
        int node = visit(dependency, scopes, List.of(), new ArrayList<>());
        if (this.nodes.get(node).challenges().isEmpty()) {
            throw new SecurityConfigurationException(site.get() + " names " + this.describe.apply(dependency)
                    + ", which reads no security scheme: Padlock could neither challenge a client without "
                    + "credentials (RFC 9110 §15.5.2) nor document it in OpenAPI.",
                    "Build it on a scheme bean (HttpBasic, ApiKeyHeader, OAuth2PasswordBearer, ...), or make it a "
                            + "SecurityScheme.");
        }
        this.roots.merge(node, required, Boolean::logicalOr);
        return node;
    }

    /**
     * @param parameterIndex a parameter of the handler
     * @param node the node it receives
     */
    void inject(int parameterIndex, int node) {
        this.parameterNodes[parameterIndex] = node;
    }

    boolean isEmpty() {
        return this.roots.isEmpty();
    }

    List<Node> nodes() {
        return this.nodes;
    }

    /**
     * Visit {@code dependency} reached through an edge requiring {@code own} scopes below ancestors that required
     * {@code parent} (FastAPI §5.1: effective = parent, then own scopes not already there).
     * @return the node's index
     */
    private int visit(SecurityDependency<?> dependency, List<String> own, List<String> parent,
            List<SecurityDependency<?>> path) {
        if (path.stream().anyMatch((ancestor) -> ancestor == dependency)) {
            throw new SecurityConfigurationException("Security dependencies form a cycle: "
                    + path.stream().map(this.describe).collect(Collectors.joining(" -> ")) + " -> "
                    + this.describe.apply(dependency) + ".",
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
        this.nodes.add(new Node(dependency, SecurityScopes.of(effective), childDependencies, children,
                List.copyOf(challenges), schemeNodes.stream().mapToInt(Integer::intValue).toArray(),
                this.name.apply(dependency)));
        int node = this.nodes.size() - 1;
        this.index.put(key, node);
        return node;
    }

    /**
     * @param beanType the controller type
     * @param method the handler method
     * @return the plan
     */
    SecurityPlan build(Class<?> beanType, Method method) {
        return build(beanType, method, null);
    }

    /**
     * @param beanType the controller type
     * @param method the handler method
     * @param stubs the test kit's stubs, or {@code null}
     * @return the plan
     */
    SecurityPlan build(Class<?> beanType, Method method, @Nullable DependencyStubs stubs) {
        int[] rootNodes = this.roots.keySet().stream().mapToInt(Integer::intValue).toArray();
        boolean[] required = new boolean[rootNodes.length];
        boolean optional = true;
        int position = 0;
        for (Map.Entry<Integer, Boolean> root : this.roots.entrySet()) {
            required[position++] = root.getValue();
            optional &= Requirements.isOptional(this.nodes, root.getKey(), root.getValue());
        }
        return new SecurityPlan(beanType, method, this.nodes.toArray(Node[]::new), rootNodes, required,
                this.parameterNodes, Requirements.of(this.nodes, this.roots.keySet()), optional, stubs);
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
