package io.github.padlock.plan;

import java.util.List;

import io.github.padlock.ScopedDependency;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI side of a plan: all-of across roots in one requirement, one requirement per {@code anyOf} alternative,
 * scopes on each scheme use, and when a request without credentials passes.
 */
class RequirementsTests {

    private final HttpBasic basic = HttpBasic.builder().build();

    private final HttpBearer bearer = HttpBearer.builder().build();

    private final ApiKeyHeader key = ApiKeyHeader.builder().name("X-Key").autoError(false).build();

    private final ApiKeyHeader otherKey = ApiKeyHeader.builder().name("X-Other").schemeName("Other").autoError(false)
        .build();

    private final Verifier<String> basicUser = Verifier.of(this.basic, (credentials, scopes) -> "basic");

    private final Verifier<String> bearerUser = Verifier.of(this.bearer, (credentials, scopes) -> "bearer");

    private final PlanGraph graph = new PlanGraph(0, Object::toString);

    @Test
    void ofWhenTwoRootsThenOneRequirementNamingBothSchemes() {
        this.graph.addRoot(() -> "a", this.basicUser, List.of("read"), true);
        this.graph.addRoot(() -> "b", this.key, List.of(), true);
        List<List<SecurityPlan.SchemeUse>> requirements = Requirements.of(this.graph.nodes(), List.of(1, 2));
        assertThat(requirements).hasSize(1);
        assertThat(requirements.get(0)).extracting(SecurityPlan.SchemeUse::scheme).containsExactly(this.basic, this.key);
        assertThat(requirements.get(0).get(0).scopes().scopes()).containsExactly("read");
    }

    @Test
    void ofWhenAnyOfThenOneRequirementPerAlternativeCombinedWithTheOtherRoots() {
        int anyOf = this.graph.addRoot(() -> "a", new AnyOf(List.of(ScopedDependency.of(this.basicUser),
                ScopedDependency.of(this.bearerUser)), List.of("basicUser", "bearerUser")), List.of(), true);
        int key = this.graph.addRoot(() -> "b", this.key, List.of(), true);
        List<List<SecurityPlan.SchemeUse>> requirements = Requirements.of(this.graph.nodes(), List.of(anyOf, key));
        assertThat(requirements).hasSize(2);
        assertThat(requirements.get(0)).extracting(SecurityPlan.SchemeUse::scheme).containsExactly(this.basic, this.key);
        assertThat(requirements.get(1)).extracting(SecurityPlan.SchemeUse::scheme)
            .containsExactly(this.bearer, this.key);
    }

    @Test
    void isOptionalWhenOptionalSchemeIntoANullableParameterWithoutScopesThenTrueElseFalse() {
        int key = this.graph.addRoot(() -> "a", this.key, List.of(), false);
        int user = this.graph.addRoot(() -> "b", this.basicUser, List.of(), false);
        assertThat(Requirements.isOptional(this.graph.nodes(), key, false)).isTrue();
        assertThat(Requirements.isOptional(this.graph.nodes(), key, true)).isFalse();
        assertThat(Requirements.isOptional(this.graph.nodes(), user, false)).isFalse();
    }

    @Test
    void isOptionalWhenAnyOfOfOptionalSchemesThenTrue() {
        int anyOf = this.graph.addRoot(() -> "a", new AnyOf(List.of(ScopedDependency.of(this.key),
                ScopedDependency.of(this.otherKey)), List.of("key", "otherKey")), List.of(), false);
        assertThat(Requirements.isOptional(this.graph.nodes(), anyOf, false)).isTrue();
    }
}
