package io.github.padlock.web;

import java.util.Arrays;
import java.util.List;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityScopes;
import io.github.padlock.scheme.SecurityScheme;

/**
 * What one handler method needs, computed once at start-up: the distinct security nodes (a dependency and its
 * effective scopes), which of them to resolve before the handler runs and in what order, which node each
 * {@link io.github.padlock.SecurityParam} parameter receives, and the schemes beneath, for the OpenAPI document.
 * Read by the interceptor, the argument resolver and the OpenAPI customizer, so that they cannot disagree.
 */
public final class SecurityPlan {

    static final SecurityPlan NONE = new SecurityPlan(new Node[0], new int[0], new int[0], List.of(), false);

    private final Node[] nodes;

    private final int[] roots;

    private final int[] parameterNodes;

    private final List<List<SchemeUse>> requirements;

    private final boolean optional;

    SecurityPlan(Node[] nodes, int[] roots, int[] parameterNodes, List<List<SchemeUse>> requirements,
            boolean optional) {
        this.nodes = nodes;
        this.roots = roots;
        this.parameterNodes = parameterNodes;
        this.requirements = List.copyOf(requirements);
        this.optional = optional;
    }

    /**
     * @return whether the handler uses no security at all
     */
    public boolean isEmpty() {
        return this.roots.length == 0;
    }

    /**
     * @return whether a request without any credentials reaches the handler: every node the handler needs is a scheme
     * with {@code autoError} off, injected directly (a verifier above such a scheme may still refuse, so it makes the
     * security required)
     */
    public boolean isOptional() {
        return this.optional;
    }

    /**
     * The ways a request can satisfy the handler, each a list of the schemes that must all pass: one list unless the
     * handler uses {@code anyOf} alternatives, then one per combination. Each list holds the schemes in the order a
     * depth-first walk of the dependencies meets them (FastAPI §4.2), each with the effective scopes on the path that
     * met it; a scheme met on several paths appears once per distinct scope set.
     * @return the requirements; empty when the handler uses no security
     */
    public List<List<SchemeUse>> requirements() {
        return this.requirements;
    }

    /**
     * @return every scheme use of every requirement, each once
     */
    public List<SchemeUse> schemes() {
        return this.requirements.stream().flatMap(List::stream).distinct().toList();
    }

    Node node(int index) {
        return this.nodes[index];
    }

    int nodeCount() {
        return this.nodes.length;
    }

    int[] roots() {
        return this.roots;
    }

    /**
     * @return the node injected into the parameter at {@code parameterIndex}, or -1
     */
    int nodeForParameter(int parameterIndex) {
        return (parameterIndex < this.parameterNodes.length) ? this.parameterNodes[parameterIndex] : -1;
    }

    /**
     * A scheme as used by a handler.
     *
     * @param scheme the scheme
     * @param scopes the effective scopes on the path to it, outermost first
     */
    public record SchemeUse(SecurityScheme<?> scheme, SecurityScopes scopes) {
    }

    /**
     * A dependency under one set of effective scopes; {@code children[i]} is the node of
     * {@code dependency.dependencies().get(i)}.
     */
    record Node(SecurityDependency<?> dependency, SecurityScopes scopes, SecurityDependency<?>[] childDependencies,
            int[] children) {

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "Node[" + this.dependency + ", " + this.scopes + ", children=" + Arrays.toString(this.children)
                    + "]";
        }
    }
}
