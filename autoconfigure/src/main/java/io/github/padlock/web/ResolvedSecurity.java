package io.github.padlock.web;

import java.util.Arrays;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityResolution;
import io.github.padlock.SecurityScopes;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The values of one plan's nodes for one request. Each node is resolved at most once, on first use; the state lives
 * in a request attribute, never in a thread-local.
 */
final class ResolvedSecurity implements SecurityResolution {

    static final String ATTRIBUTE = ResolvedSecurity.class.getName();

    private static final Object UNRESOLVED = new Object();

    private static final Object NULL = new Object();

    private final SecurityPlan plan;

    private final HttpServletRequest request;

    private final Object[] values;

    private int current = -1;

    private ResolvedSecurity(SecurityPlan plan, HttpServletRequest request) {
        this.plan = plan;
        this.request = request;
        this.values = new Object[plan.nodeCount()];
        Arrays.fill(this.values, UNRESOLVED);
    }

    /**
     * Resolve every root node of {@code plan} in order and keep the result in a request attribute; a request that
     * already holds the result for this plan (an async re-dispatch) is not resolved again.
     * @throws RuntimeException whatever a dependency threw to refuse the request
     */
    static ResolvedSecurity resolve(SecurityPlan plan, HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ResolvedSecurity existing && existing.plan == plan) {
            return existing;
        }
        ResolvedSecurity resolved = new ResolvedSecurity(plan, request);
        for (int root : plan.roots()) {
            resolved.valueAt(root);
        }
        request.setAttribute(ATTRIBUTE, resolved);
        return resolved;
    }

    @Nullable Object valueForParameter(int parameterIndex) {
        int node = this.plan.nodeForParameter(parameterIndex);
        if (node < 0) {
            throw new IllegalStateException("Parameter " + parameterIndex + " has no security node");
        }
        return valueAt(node);
    }

    private @Nullable Object valueAt(int index) {
        Object value = this.values[index];
        if (value == UNRESOLVED) {
            int caller = this.current;
            this.current = index;
            try {
                Object resolved = this.plan.node(index).dependency().resolve(this);
                value = (resolved != null) ? resolved : NULL;
            }
            finally {
                this.current = caller;
            }
            this.values[index] = value;
        }
        return (value != NULL) ? value : null;
    }

    @Override
    public HttpServletRequest request() {
        return this.request;
    }

    @Override
    public SecurityScopes scopes() {
        return currentNode().scopes();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <U> @Nullable U valueOf(SecurityDependency<U> dependency) {
        SecurityPlan.Node node = currentNode();
        SecurityDependency<?>[] declared = node.childDependencies();
        for (int i = 0; i < declared.length; i++) {
            if (declared[i] == dependency) {
                return (U) valueAt(node.children()[i]);
            }
        }
        throw new IllegalArgumentException(dependency + " is not a declared dependency of " + node.dependency());
    }

    private SecurityPlan.Node currentNode() {
        if (this.current < 0) {
            throw new IllegalStateException("No security dependency is being resolved");
        }
        return this.plan.node(this.current);
    }
}
