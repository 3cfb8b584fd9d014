package io.github.padlock.plan;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecurityRequest;
import io.github.padlock.SecurityResolution;
import io.github.padlock.SecurityScopes;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

/**
 * The values of one plan's nodes for one request, and the rules that make the plan fail closed, whatever the
 * schemes' {@code autoError} and the verifiers' code:
 * <ul>
 * <li>a verifier (any node but a scheme) asked for scopes that produces nothing is refused with 401: a scope is never
 * granted to nobody;</li>
 * <li>a root that must produce a value ({@code @RequiresSecurity}, or a parameter that is neither {@code @Nullable}
 * nor {@code Optional}) and produces nothing is refused with 401;</li>
 * <li>every 401 carries the challenges of the schemes beneath the node that raised it, every alternative's for
 * {@code anyOf} (see {@link Refusals}).</li>
 * </ul>
 * Each node is resolved at most once, on first use. A refusal carries its {@link SecurityOutcome}; a resolution that
 * passes is {@link SecurityOutcome#GRANTED} or {@link SecurityOutcome#ANONYMOUS}. Knows no web framework: the web glue
 * keeps it in a request attribute, never in a thread-local.
 */
public final class ResolvedPlan implements SecurityResolution {

    private static final Object UNRESOLVED = new Object();

    private static final Object NULL = new Object();

    private final SecurityPlan plan;

    private final SecurityRequest view;

    private final Object[] values;

    private int current = -1;

    private SecurityOutcome outcome = SecurityOutcome.GRANTED;

    private ResolvedPlan(SecurityPlan plan, SecurityRequest request) {
        this.plan = plan;
        this.view = request;
        this.values = new Object[plan.nodeCount()];
        Arrays.fill(this.values, UNRESOLVED);
    }

    /**
     * Resolve every root node of {@code plan} in order.
     * @throws RuntimeException whatever a dependency threw to refuse the request, or 401 when a root that must
     * produce a value produced none
     */
    static ResolvedPlan resolve(SecurityPlan plan, SecurityRequest request) {
        ResolvedPlan resolved = new ResolvedPlan(plan, request);
        int[] roots = plan.roots();
        boolean anonymous = true;
        for (int i = 0; i < roots.length; i++) {
            Object value = resolved.valueAt(roots[i]);
            if (value == null && plan.isRequired(i)) {
                throw Refusals.notAuthenticated(plan.node(roots[i]).challenges());
            }
            anonymous &= (value == null);
        }
        resolved.outcome = anonymous ? SecurityOutcome.ANONYMOUS : SecurityOutcome.GRANTED;
        return resolved;
    }

    /**
     * @return the plan resolved
     */
    public SecurityPlan plan() {
        return this.plan;
    }

    /**
     * @return {@link SecurityOutcome#GRANTED} when some root produced a value, {@link SecurityOutcome#ANONYMOUS} when
     * none did (optional security, absent)
     */
    public SecurityOutcome outcome() {
        return this.outcome;
    }

    /**
     * @param parameterIndex the index of a {@code @SecurityParam} parameter of the plan's handler
     * @return the value its node resolved to, or {@code null}
     * @throws IllegalStateException when the parameter has no security node
     */
    public @Nullable Object valueForParameter(int parameterIndex) {
        int node = this.plan.nodeForParameter(parameterIndex);
        if (node < 0) {
            throw new IllegalStateException("Parameter " + parameterIndex + " has no security node");
        }
        return valueAt(node);
    }

    private @Nullable Object valueAt(int index) {
        Object value = this.values[index];
        if (value == UNRESOLVED) {
            Node node = this.plan.node(index);
            int caller = this.current;
            this.current = index;
            Object resolved;
            try {
                resolved = node.isAnyOf() ? firstOf(node) : dependencyOf(node).resolve(this);
            }
            catch (RuntimeException ex) {
                throw Refusals.challenged(ex, node.challenges(), nothingCame(node));
            }
            finally {
                this.current = caller;
            }
            if (resolved == null && !node.isScheme() && !node.scopes().scopes().isEmpty()) {
                throw Refusals.notAuthenticated(node.challenges());
            }
            value = (resolved != null) ? resolved : NULL;
            this.values[index] = value;
        }
        return (value != NULL) ? value : null;
    }

    /** The node's dependency, or what the test kit's stubs resolve in its place for this request. */
    private SecurityDependency<?> dependencyOf(Node node) {
        DependencyStubs stubs = this.plan.stubs();
        SecurityDependency<?> stub = (stubs != null) ? stubs.stubFor(node.dependency(), this.view) : null;
        return (stub != null) ? stub : node.dependency();
    }

    /**
     * {@code anyOf}: the first alternative's value. When none produced one and some refused with 401, a 401 with the
     * challenges of every alternative: its own refusal's, or the schemes' beneath it when it produced nothing.
     * Credentials sent ambiguously are refused whichever alternative reads them: an ambiguous refusal is passed on at
     * once, and once an alternative succeeds, the schemes of the alternatives after it are still read for ambiguity
     * (their verifiers are not run).
     */
    private @Nullable Object firstOf(Node node) {
        Set<String> challenges = new LinkedHashSet<>();
        RuntimeException other = null;
        boolean refused = false;
        SecurityOutcome outcome = SecurityOutcome.MISSING;
        int[] children = node.children();
        for (int i = 0; i < children.length; i++) {
            int child = children[i];
            try {
                Object value = valueAt(child);
                if (value != null) {
                    refuseAmbiguity(children, i + 1);
                    return value;
                }
                challenges.addAll(this.plan.node(child).challenges());
            }
            catch (RuntimeException ex) {
                if (!(ex instanceof ErrorResponse refusal)
                        || (ex instanceof PadlockException padlock && padlock.outcome() == SecurityOutcome.AMBIGUOUS)) {
                    throw ex;
                }
                if (!HttpStatus.UNAUTHORIZED.isSameCodeAs(refusal.getStatusCode())) {
                    other = (other != null) ? other : ex;
                }
                else {
                    refused = true;
                    challenges.addAll(refusal.getHeaders().getOrEmpty(HttpHeaders.WWW_AUTHENTICATE));
                    if (!(ex instanceof PadlockException padlock) || padlock.outcome() != SecurityOutcome.MISSING) {
                        outcome = SecurityOutcome.INVALID;
                    }
                }
            }
        }
        if (other != null) {
            throw other;
        }
        if (!refused) {
            return null;
        }
        if (challenges.isEmpty()) {
            challenges.addAll(node.challenges());
        }
        throw new NotAuthenticatedException(NotAuthenticatedException.NOT_AUTHENTICATED, List.copyOf(challenges),
                outcome);
    }

    /** Whether every scheme beneath {@code node} read nothing: a refusal there is about missing credentials. */
    private boolean nothingCame(Node node) {
        for (int scheme : node.schemeNodes()) {
            if (this.values[scheme] != NULL) {
                return false;
            }
        }
        return true;
    }

    /** Reads the schemes beneath the alternatives from {@code first} on, refusing if one was sent ambiguously. */
    private void refuseAmbiguity(int[] alternatives, int first) {
        for (int i = first; i < alternatives.length; i++) {
            for (int scheme : this.plan.node(alternatives[i]).schemeNodes()) {
                try {
                    valueAt(scheme);
                }
                catch (PadlockException ex) {
                    if (ex.outcome() == SecurityOutcome.AMBIGUOUS) {
                        throw ex;
                    }
                }
            }
        }
    }

    @Override
    public SecurityRequest request() {
        return this.view;
    }

    @Override
    public SecurityScopes scopes() {
        return currentNode().scopes();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <U> @Nullable U valueOf(SecurityDependency<U> dependency) {
        Node node = currentNode();
        SecurityDependency<?>[] declared = node.childDependencies();
        for (int i = 0; i < declared.length; i++) {
            if (declared[i] == dependency) {
                return (U) valueAt(node.children()[i]);
            }
        }
        throw new IllegalArgumentException(dependency + " is not a declared dependency of " + node.dependency());
    }

    private Node currentNode() {
        if (this.current < 0) {
            throw new IllegalStateException("No security dependency is being resolved");
        }
        return this.plan.node(this.current);
    }
}
