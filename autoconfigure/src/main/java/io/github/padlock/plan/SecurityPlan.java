package io.github.padlock.plan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.padlock.SecurityRequest;
import io.github.padlock.SecurityScopes;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

/**
 * What one handler needs, computed once at start-up: the distinct security nodes (a dependency and its effective
 * scopes), which of them to resolve before the handler runs and in what order, which of those must produce a value,
 * which node each {@link io.github.padlock.SecurityParam} parameter receives, and the schemes beneath, for the OpenAPI
 * document. Read by the interceptor, the argument resolver and the OpenAPI customizer, so that they cannot disagree.
 * <p>
 * A plan belongs to one handler: a controller class and one of its methods, as Spring's
 * {@link org.springframework.web.method.HandlerMethod} identifies it. A method inherited by two controllers has two
 * plans, since class-level requirements differ between them.
 */
public final class SecurityPlan {

    static final SecurityPlan NONE = new SecurityPlan(Object.class, null, new Node[0], new int[0], new boolean[0],
            new int[0], List.of(), false, null);

    /** The plan of a handler marked {@link io.github.padlock.PublicEndpoint}: no security, on purpose. */
    static final SecurityPlan PUBLIC = new SecurityPlan(NONE, true);

    private final Class<?> beanType;

    private final @Nullable Method method;

    private final Node[] nodes;

    private final int[] roots;

    private final boolean[] requiredRoots;

    private final int[] parameterNodes;

    private final List<List<SchemeUse>> requirements;

    private final boolean optional;

    private final @Nullable DependencyStubs stubs;

    private final boolean publicEndpoint;

    /** The node whose value is the handler's principal ({@link ResolvedPlan#handlerPrincipal()}), or -1. */
    private final int principalNode;

    SecurityPlan(Class<?> beanType, @Nullable Method method, Node[] nodes, int[] roots, boolean[] requiredRoots,
            int[] parameterNodes, List<List<SchemeUse>> requirements, boolean optional,
            @Nullable DependencyStubs stubs) {
        this.beanType = beanType;
        this.method = method;
        this.nodes = nodes;
        this.roots = roots;
        this.requiredRoots = requiredRoots;
        this.parameterNodes = parameterNodes;
        this.requirements = List.copyOf(requirements);
        this.optional = optional;
        this.stubs = stubs;
        this.publicEndpoint = false;
        this.principalNode = principalNode(parameterNodes, roots, requiredRoots);
    }

    private SecurityPlan(SecurityPlan plan, boolean publicEndpoint) {
        this.beanType = plan.beanType;
        this.method = plan.method;
        this.nodes = plan.nodes;
        this.roots = plan.roots;
        this.requiredRoots = plan.requiredRoots;
        this.parameterNodes = plan.parameterNodes;
        this.requirements = plan.requirements;
        this.optional = plan.optional;
        this.stubs = plan.stubs;
        this.publicEndpoint = publicEndpoint;
        this.principalNode = plan.principalNode;
    }

    /** The node of the first {@code @SecurityParam} parameter, else the first required root, else -1. */
    private static int principalNode(int[] parameterNodes, int[] roots, boolean[] requiredRoots) {
        for (int node : parameterNodes) {
            if (node >= 0) {
                return node;
            }
        }
        for (int i = 0; i < roots.length; i++) {
            if (requiredRoots[i]) {
                return roots[i];
            }
        }
        return -1;
    }

    /**
     * @return whether the handler uses no security at all
     */
    public boolean isEmpty() {
        return this.roots.length == 0;
    }

    /**
     * @return whether the handler is marked {@link io.github.padlock.PublicEndpoint}: it uses no security, on purpose
     * (such a plan is also {@link #isEmpty()})
     */
    public boolean isPublic() {
        return this.publicEndpoint;
    }

    /**
     * @return whether a request without any credentials reaches the handler: every node the handler needs is a scheme
     * with {@code autoError} off, asked for no scopes and injected into a {@code @Nullable} or {@code Optional}
     * parameter (a verifier above such a scheme may still refuse, so it makes the security required)
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

    /**
     * What the handler asks for, root by root in the order the plan resolves them: all of them must pass, and a root
     * naming {@code anyOf} alternatives passes with the first alternative that produces a value. A root is what a
     * declaration ({@code @RequiresSecurity}, or a {@code @SecurityParam} parameter) names; two declarations naming
     * one dependency with one scope set are one root, required if either is. Dependencies are named by their bean
     * names (the class name of one that is no bean). Built at each call, for descriptions such as the actuator
     * endpoint; the per-request path does not use it.
     * @return the roots; empty when the handler uses no security
     */
    public List<Root> describeRoots() {
        List<Root> described = new ArrayList<>(this.roots.length);
        for (int position = 0; position < this.roots.length; position++) {
            Node node = this.nodes[this.roots[position]];
            List<String> dependencies = node.isAnyOf()
                    ? Arrays.stream(node.children()).mapToObj((child) -> this.nodes[child].name()).toList()
                    : List.of(node.name());
            described.add(new Root(dependencies, node.isAnyOf(), node.scopes().scopes(), this.requiredRoots[position]));
        }
        return List.copyOf(described);
    }

    /**
     * @param beanType a controller type (without a CGLIB proxy's subclass)
     * @param method a handler method
     * @return whether this is the plan of that handler
     */
    public boolean handles(Class<?> beanType, Method method) {
        return this.beanType == beanType && (this.method == method || method.equals(this.method));
    }

    /**
     * Resolve this plan for one request: every root node in order, each node at most once, with the fail-closed
     * rules of {@link ResolvedPlan}.
     * @param request the request, as schemes read it
     * @return the values of the plan's nodes for this request
     * @throws RuntimeException a {@link io.github.padlock.PadlockException} (or another exception a dependency threw)
     * that refuses the request
     */
    public ResolvedPlan resolve(SecurityRequest request) {
        return ResolvedPlan.resolve(this, request);
    }

    /**
     * This plan's resolution for one request, not yet decided: {@link ResolvedPlan#decide()} resolves it, and the
     * resolution still tells what decided after a refusal (for observations and events).
     * @param request the request, as schemes read it
     * @return the undecided resolution
     */
    public ResolvedPlan prepare(SecurityRequest request) {
        return new ResolvedPlan(this, request);
    }

    /**
     * @return the test kit's stubs, or {@code null}: there are none outside tests
     */
    @Nullable DependencyStubs stubs() {
        return this.stubs;
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
     * @return whether the root at {@code position} of {@link #roots()} must produce a value: it is required by
     * {@code @RequiresSecurity} or injected into a parameter that is neither {@code @Nullable} nor {@code Optional}
     */
    boolean isRequired(int position) {
        return this.requiredRoots[position];
    }

    /**
     * @return the node whose value is the handler's principal: the first {@code @SecurityParam} parameter's, else the
     * first required root's (a {@code @RequiresSecurity}), else -1
     */
    int principalNode() {
        return this.principalNode;
    }

    /**
     * @return the node injected into the parameter at {@code parameterIndex}, or -1
     */
    int nodeForParameter(int parameterIndex) {
        return (parameterIndex < this.parameterNodes.length) ? this.parameterNodes[parameterIndex] : -1;
    }

    @Override
    public String toString() {
        return "SecurityPlan[" + this.beanType.getName() + "." + ((this.method != null) ? this.method.getName() : "")
                + ", nodes=" + Arrays.toString(this.nodes) + "]";
    }

    /**
     * One root of a plan, as {@link #describeRoots()} describes it.
     *
     * @param dependencies the dependency's name, or the names of the {@code anyOf} alternatives in the order they are
     * tried
     * @param anyOf whether the root is {@code anyOf} alternatives
     * @param scopes the scopes asked of the dependency (of every alternative), in declaration order
     * @param required whether the root must produce a value: a {@code @RequiresSecurity}, or a parameter that is
     * neither {@code @Nullable} nor {@code Optional}; a root that need not may still refuse (a wrong credential, a
     * scheme with {@code autoError} on)
     */
    public record Root(List<String> dependencies, boolean anyOf, List<String> scopes, boolean required) {

        /**
         * Copies the lists.
         *
         * @param dependencies the dependency's name, or the names of the {@code anyOf} alternatives
         * @param anyOf whether the root is {@code anyOf} alternatives
         * @param scopes the scopes asked of the dependency
         * @param required whether the root must produce a value
         */
        public Root {
            dependencies = List.copyOf(dependencies);
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * A scheme as used by a handler.
     *
     * @param scheme the scheme
     * @param scopes the effective scopes on the path to it, outermost first
     */
    public record SchemeUse(SecurityScheme<?> scheme, SecurityScopes scopes) {
    }
}
