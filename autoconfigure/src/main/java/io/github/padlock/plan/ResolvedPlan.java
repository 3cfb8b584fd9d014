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

    /**
     * The request attribute under which the web glue keeps the {@link ResolvedPlan} of the request's handler (this
     * class's name), for the readers beside it, such as the bridge to Spring Security.
     */
    public static final String ATTRIBUTE = ResolvedPlan.class.getName();

    /** What {@link #decidingScheme()} and {@link #decidingVerifier()} say when no scheme or verifier decided. */
    public static final String NONE = "none";

    private int current = -1;

    /** The node whose refusal is being passed on: the innermost that refused, or -1. */
    private int refusedAt = -1;

    private @Nullable SecurityOutcome outcome;

    ResolvedPlan(SecurityPlan plan, SecurityRequest request) {
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
        resolved.decide();
        return resolved;
    }

    /**
     * Resolve every root node of the plan in order, once: {@link SecurityPlan#prepare(SecurityRequest)} then this is
     * {@link SecurityPlan#resolve(SecurityRequest)}, split so that an observer can still read the decision after a
     * refusal.
     * @throws RuntimeException whatever a dependency threw to refuse the request, or 401 when a root that must
     * produce a value produced none
     * @throws IllegalStateException when this resolution was already decided
     */
    public void decide() {
        if (this.outcome != null || this.refusedAt >= 0) {
            throw new IllegalStateException("Already decided");
        }
        int[] roots = this.plan.roots();
        boolean anonymous = true;
        try {
            for (int i = 0; i < roots.length; i++) {
                Object value = valueAt(roots[i]);
                if (value == null && this.plan.isRequired(i)) {
                    this.refusedAt = roots[i];
                    throw Refusals.notAuthenticated(this.plan.node(roots[i]).challenges());
                }
                anonymous &= (value == null);
            }
        }
        catch (RuntimeException ex) {
            this.outcome = outcomeOf(ex);
            throw ex;
        }
        this.outcome = anonymous ? SecurityOutcome.ANONYMOUS : SecurityOutcome.GRANTED;
    }

    private static @Nullable SecurityOutcome outcomeOf(RuntimeException refusal) {
        if (refusal instanceof PadlockException padlock) {
            return padlock.outcome();
        }
        return (refusal instanceof ErrorResponse response) ? SecurityOutcome.ofRefusal(response.getStatusCode()) : null;
    }

    /**
     * @return the plan resolved
     */
    public SecurityPlan plan() {
        return this.plan;
    }

    /**
     * @return {@link SecurityOutcome#GRANTED} when some root produced a value, {@link SecurityOutcome#ANONYMOUS} when
     * none did (optional security, absent), the refusal's outcome after a refusal; {@code null} before
     * {@link #decide()} and after an exception that is no refusal (neither a {@code PadlockException} nor an
     * {@code ErrorResponse})
     */
    public @Nullable SecurityOutcome outcome() {
        return this.outcome;
    }

    /**
     * @return the value of the first root that produced one (for a {@link SecurityOutcome#GRANTED} resolution, the
     * principal), or {@code null}
     */
    public @Nullable Object principal() {
        for (int root : this.plan.roots()) {
            Object value = this.values[root];
            if (value != UNRESOLVED && value != NULL) {
                return value;
            }
        }
        return null;
    }

    /**
     * The handler's principal, for a bridge to another framework's notion of the current user (Spring Security's
     * {@code Authentication}): the value of the handler's first {@code @SecurityParam} parameter, or, for a handler
     * without one, of its first required dependency ({@code @RequiresSecurity}, class level first). The plan chose the
     * node at start-up; this reads its value.
     * @return the value, or {@code null} unless the resolution was {@link SecurityOutcome#GRANTED} and that node
     * produced a value (an optional parameter may be empty while another dependency granted)
     */
    public @Nullable Object handlerPrincipal() {
        int node = this.plan.principalNode();
        if (node < 0 || this.outcome != SecurityOutcome.GRANTED) {
            return null;
        }
        Object value = this.values[node];
        return (value != UNRESOLVED && value != NULL) ? value : null;
    }

    /**
     * Whether a verifier produced {@link #handlerPrincipal()}: {@code false} for the credentials a bare scheme read
     * (a {@code @SecurityParam("basicAuth") HttpBasicCredentials} the handler checks itself), which nothing has
     * verified yet. Through {@code anyOf}, it is the alternative that produced the value that counts.
     * @return whether the handler's principal is there and a verifier, not a scheme, produced it
     */
    public boolean isHandlerPrincipalVerified() {
        if (handlerPrincipal() == null) {
            return false;
        }
        int index = this.plan.principalNode();
        while (this.plan.node(index).isAnyOf()) {
            index = producer(this.plan.node(index).children());
        }
        return !this.plan.node(index).isScheme();
    }

    /**
     * The scheme that decided, by bean name: after a refusal, the scheme beneath the dependency that refused (the one
     * that read credentials, else the first); after a success, the scheme that read the credentials of the first root
     * that produced a value (through {@code anyOf}, of the alternative that did). Never a credential: a name of the
     * application's code. Reads what the resolution kept; allocates nothing.
     * @return the scheme's bean name, or {@link #NONE} when none decided: nothing produced a value (anonymous), or
     * every {@code anyOf} alternative failed
     */
    public String decidingScheme() {
        int index = decidingNode();
        if (index < 0) {
            return NONE;
        }
        Node node = this.plan.node(index);
        if (node.isAnyOf()) {
            return NONE;
        }
        if (node.isScheme()) {
            return node.name();
        }
        int[] schemes = node.schemeNodes();
        for (int scheme : schemes) {
            Object value = this.values[scheme];
            if (value != UNRESOLVED && value != NULL) {
                return this.plan.node(scheme).name();
            }
        }
        return (schemes.length > 0) ? this.plan.node(schemes[0]).name() : NONE;
    }

    /**
     * The verifier that decided, by bean name: the innermost dependency that refused, or the first root that produced
     * a value (through {@code anyOf}, the alternative that did). Allocates nothing.
     * @return the verifier's bean name (or a class name for one that is no bean), or {@link #NONE} when a bare scheme
     * decided, nothing produced a value, or every {@code anyOf} alternative failed
     */
    public String decidingVerifier() {
        int index = decidingNode();
        if (index < 0) {
            return NONE;
        }
        Node node = this.plan.node(index);
        return (node.isAnyOf() || node.isScheme()) ? NONE : node.name();
    }

    /** The node that refused, else the first root with a value (the alternative that produced it, through anyOf). */
    private int decidingNode() {
        if (this.refusedAt >= 0 || this.outcome != SecurityOutcome.GRANTED) {
            return this.refusedAt;
        }
        for (int root : this.plan.roots()) {
            if (this.values[root] != UNRESOLVED && this.values[root] != NULL) {
                int index = root;
                while (this.plan.node(index).isAnyOf()) {
                    index = producer(this.plan.node(index).children());
                }
                return index;
            }
        }
        return -1;
    }

    private int producer(int[] alternatives) {
        for (int alternative : alternatives) {
            Object value = this.values[alternative];
            if (value != UNRESOLVED && value != NULL) {
                return alternative;
            }
        }
        throw new IllegalStateException("No alternative produced a value");
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
                RuntimeException refusal = Refusals.challenged(ex, node.challenges(), nothingCame(node));
                if (this.refusedAt < 0) {
                    this.refusedAt = index;
                }
                throw refusal;
            }
            finally {
                this.current = caller;
            }
            if (resolved == null && !node.isScheme() && !node.scopes().scopes().isEmpty()) {
                this.refusedAt = index;
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
        int otherAt = -1;
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
                    if (other == null) {
                        other = ex;
                        otherAt = this.refusedAt;
                    }
                }
                else {
                    refused = true;
                    challenges.addAll(refusal.getHeaders().getOrEmpty(HttpHeaders.WWW_AUTHENTICATE));
                    if (!(ex instanceof PadlockException padlock) || padlock.outcome() != SecurityOutcome.MISSING) {
                        outcome = SecurityOutcome.INVALID;
                    }
                }
                this.refusedAt = -1; // the next alternative may still succeed
            }
        }
        if (other != null) {
            this.refusedAt = otherAt;
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
                    this.refusedAt = -1; // not this request's answer: an alternative before succeeded
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
