package io.github.padlock.plan;

import java.util.ArrayList;
import java.util.List;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityResolution;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The graph of a plan, without a Spring context: one node per (dependency, scope set), FastAPI's scope rules on every
 * edge, challenges and schemes beneath each node, and the start-up refusals.
 */
class PlanGraphTests {

    private final HttpBasic basic = HttpBasic.builder().realm("graph").build();

    private final HttpBearer bearer = HttpBearer.builder().build();

    private final ApiKeyHeader key = ApiKeyHeader.builder().name("X-Key").build();

    private final Verifier<String> basicUser = Verifier.of(this.basic, (credentials, scopes) -> "user");

    private final PlanGraph graph = new PlanGraph(3, (dependency) -> "'" + dependency + "'");

    @Test
    void addRootWhenSameDependencyAndScopeSetThenOneNode() {
        int first = this.graph.addRoot(() -> "first", this.basicUser, List.of("a", "b"), true);
        int second = this.graph.addRoot(() -> "second", this.basicUser, List.of("b", "a"), false);
        assertThat(second).isEqualTo(first);
        assertThat(this.graph.nodes()).hasSize(2);
    }

    @Test
    void addRootWhenScopeSetsDifferThenOneNodePerSetAndTheSchemeBelowTwice() {
        int plain = this.graph.addRoot(() -> "plain", this.basicUser, List.of(), true);
        int scoped = this.graph.addRoot(() -> "scoped", this.basicUser, List.of("admin"), true);
        assertThat(scoped).isNotEqualTo(plain);
        assertThat(this.graph.nodes()).hasSize(4);
        assertThat(this.graph.nodes().get(scoped).scopes().scopes()).containsExactly("admin");
    }

    @Test
    void addRootWhenSiblingsAskTheirOwnScopesThenScopesDoNotLeakBetweenThem() {
        // FastAPI §5.1: dep3(scope3) → security1(scope1), security2(scope2)
        Verifier<String> security1 = Verifier.of(this.basic, (credentials, scopes) -> "1");
        Verifier<String> security2 = Verifier.of(this.bearer, (credentials, scopes) -> "2");
        SecurityDependency<String> dep3 = new Parent(List.of(new ScopedDependency(security1, List.of("scope1")),
                new ScopedDependency(security2, List.of("scope2"))));
        int root = this.graph.addRoot(() -> "dep3", dep3, List.of("scope3"), true);
        Node node = this.graph.nodes().get(root);
        assertThat(this.graph.nodes().get(node.children()[0]).scopes().scopes()).containsExactly("scope3", "scope1");
        assertThat(this.graph.nodes().get(node.children()[1]).scopes().scopes()).containsExactly("scope3", "scope2");
    }

    @Test
    void addRootWhenCycleThenRefusedNamingThePath() {
        List<ScopedDependency> edges = new ArrayList<>();
        Parent cyclic = new Parent(edges);
        edges.add(ScopedDependency.of(cyclic));
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.graph.addRoot(() -> "cycle", cyclic, List.of(), true))
            .withMessageContaining("form a cycle: '" + cyclic + "' -> '" + cyclic + "'");
    }

    @Test
    void challengesWhenSchemesBeneathThenEachOnceInDepthFirstOrder() {
        Verifier<String> keyUser = Verifier.of(this.key, (key, scopes) -> "key");
        Parent both = new Parent(List.of(ScopedDependency.of(this.basicUser), ScopedDependency.of(keyUser),
                ScopedDependency.of(this.basic)));
        int root = this.graph.addRoot(() -> "both", both, List.of(), true);
        Node node = this.graph.nodes().get(root);
        assertThat(node.challenges()).containsExactly("Basic realm=\"graph\"", "APIKey");
        assertThat(node.schemeNodes()).hasSize(2);
        assertThat(java.util.Arrays.stream(node.schemeNodes()).mapToObj(this.graph.nodes()::get))
            .allSatisfy((scheme) -> assertThat(scheme.isScheme()).isTrue());
    }

    @Test
    void addRootWhenScopesAskedOfABareSchemeThenRefused() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.graph.addRoot(() -> "the site", this.basic, List.of("admin"), true))
            .withMessageContaining("the site asks the scopes [admin] of the scheme '" + this.basic + "'")
            .satisfies((ex) -> assertThat(ex.action()).contains("scopes.require(granted)"));
    }

    @Test
    void addRootWhenScopesAskedOfAnyOfWithABareSchemeThenRefused() {
        AnyOf anyOf = new AnyOf(List.of(ScopedDependency.of(this.basicUser), ScopedDependency.of(this.bearer)),
                List.of("basicUser", "bearer"));
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.graph.addRoot(() -> "the site", anyOf, List.of("admin"), false))
            .withMessageContaining("of the scheme '" + this.bearer + "'");
    }

    @Test
    void addRootWhenScopesAskedOfAVerifierThenAccepted() {
        int root = this.graph.addRoot(() -> "site", this.basicUser, List.of("admin"), true);
        assertThat(this.graph.nodes().get(root).hasScopes()).isTrue();
    }

    @Test
    void addRootWhenDependencyReadsNoSchemeThenRefused() {
        SecurityDependency<String> schemeless = (resolution) -> "x";
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.graph.addRoot(() -> "the site", schemeless, List.of(), true))
            .withMessageContaining("reads no security scheme");
    }

    @Test
    void buildWhenOneNodeRequiredByOneDeclarationAndOptionalByAnotherThenRequired() throws Exception {
        int node = this.graph.addRoot(() -> "optional", this.basicUser, List.of(), false);
        this.graph.inject(0, node);
        this.graph.addRoot(() -> "required", this.basicUser, List.of(), true);
        SecurityPlan plan = this.graph.build(Object.class, Object.class.getMethod("toString"));
        assertThat(plan.roots()).containsExactly(node);
        assertThat(plan.isRequired(0)).isTrue();
        assertThat(plan.nodeForParameter(0)).isEqualTo(node);
        assertThat(plan.nodeForParameter(1)).isEqualTo(-1);
        assertThat(plan.handles(Object.class, Object.class.getMethod("toString"))).isTrue();
        assertThat(plan.handles(String.class, Object.class.getMethod("toString"))).isFalse();
    }

    @Test
    void describeRootsWhenDependencyAndAnyOfThenEachRootByBeanNameInResolutionOrder() throws Exception {
        Verifier<String> keyUser = Verifier.of(this.key, (key, scopes) -> "key");
        AnyOf either = new AnyOf(List.of(ScopedDependency.of(keyUser), ScopedDependency.of(this.basicUser)),
                List.of("keyUser", "basicUser"));
        PlanGraph named = new PlanGraph(2, (dependency) -> "'" + dependency + "'", (dependency) -> (dependency == keyUser)
                ? "keyUser" : (dependency == this.basicUser) ? "basicUser" : (dependency == either) ? "anyOf"
                        : dependency.getClass().getName());
        named.addRoot(() -> "class", this.basicUser, List.of("admin", "read"), true);
        named.addRoot(() -> "parameter", either, List.of("read"), false);
        named.addRoot(() -> "again", this.basicUser, List.of("read", "admin"), false);
        SecurityPlan plan = named.build(Object.class, Object.class.getMethod("toString"));
        assertThat(plan.describeRoots()).containsExactly(
                new SecurityPlan.Root(List.of("basicUser"), false, List.of("admin", "read"), true),
                new SecurityPlan.Root(List.of("keyUser", "basicUser"), true, List.of("read"), false));
    }

    @Test
    void describeRootsWhenNoSecurityThenEmpty() {
        assertThat(SecurityPlan.NONE.describeRoots()).isEmpty();
        assertThat(SecurityPlan.PUBLIC.describeRoots()).isEmpty();
    }

    /** A dependency with children, as an application may write one. */
    static class Parent implements SecurityDependency<String> {

        private final List<ScopedDependency> children;

        Parent(List<ScopedDependency> children) {
            this.children = children;
        }

        @Override
        public String resolve(SecurityResolution resolution) {
            StringBuilder value = new StringBuilder();
            for (ScopedDependency child : this.children) {
                value.append(resolution.valueOf(child.dependency()));
            }
            return value.toString();
        }

        @Override
        public List<ScopedDependency> dependencies() {
            return this.children;
        }
    }
}
