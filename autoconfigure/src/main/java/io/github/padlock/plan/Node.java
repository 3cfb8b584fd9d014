package io.github.padlock.plan;

import java.util.Arrays;
import java.util.List;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityScopes;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

/**
 * A dependency under one set of effective scopes, a node of a plan.
 *
 * @param dependency the dependency
 * @param scopes its effective scopes, outermost first (FastAPI §5.1)
 * @param childDependencies its {@link SecurityDependency#dependencies()}, in order
 * @param children the node of each of them: {@code children[i]} is the node of {@code childDependencies[i]}
 * @param challenges the {@code WWW-Authenticate} challenges of the schemes beneath it (itself included), each once,
 * in the order a depth-first walk meets them
 * @param schemeNodes the nodes of those schemes
 * @param name the dependency's bean name (or, for one that is no bean, its class name), for observations
 */
record Node(SecurityDependency<?> dependency, SecurityScopes scopes, SecurityDependency<?>[] childDependencies,
        int[] children, List<String> challenges, int[] schemeNodes, String name) {

    boolean isScheme() {
        return this.dependency instanceof SecurityScheme<?>;
    }

    boolean isAnyOf() {
        return this.dependency instanceof AnyOf;
    }

    boolean hasScopes() {
        return !this.scopes.scopes().isEmpty();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Node[" + this.dependency + ", " + this.scopes + ", children=" + Arrays.toString(this.children) + "]";
    }
}
