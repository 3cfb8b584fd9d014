package io.github.padlock.plan;

import java.lang.reflect.Method;
import java.util.List;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.TestRequest;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBearer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which value of a resolution is the handler's principal ({@link ResolvedPlan#handlerPrincipal()}): the first
 * {@code @SecurityParam} parameter's, else the first required node's; and whether a verifier produced it
 * ({@link ResolvedPlan#isHandlerPrincipalVerified()}). Without a Spring context.
 */
class HandlerPrincipalTests {

    private final ApiKeyHeader key = ApiKeyHeader.builder().name("X-Key").autoError(false).build();

    private final HttpBearer bearer = HttpBearer.builder().build();

    private final Verifier<String> keyUser = Verifier.of(this.key,
            (key, scopes) -> (key != null) ? "key:" + key : null);

    private final Verifier<String> bearerUser = Verifier.of(this.bearer,
            (credentials, scopes) -> "bearer:" + credentials.credentials());

    private final Verifier<String> adminUser = Verifier.of(this.key, (key, scopes) -> "admin:" + key);

    @Test
    void handlerPrincipalWhenSecurityParamAfterRequiresSecurityThenTheParametersValue() {
        PlanGraph graph = new PlanGraph(1, Object::toString);
        graph.addRoot(() -> "class", this.adminUser, List.of(), true);
        graph.inject(0, graph.addRoot(() -> "parameter 0", this.bearerUser, List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(both());
        assertThat(resolved.handlerPrincipal()).isEqualTo("bearer:token");
        assertThat(resolved.principal()).as("the first root's, which observations read").isEqualTo("admin:k");
        assertThat(resolved.isHandlerPrincipalVerified()).isTrue();
    }

    @Test
    void handlerPrincipalWhenNoSecurityParamThenTheFirstRequiredNodesValue() {
        PlanGraph graph = new PlanGraph(0, Object::toString);
        graph.addRoot(() -> "class", this.bearerUser, List.of(), true);
        graph.addRoot(() -> "method", this.adminUser, List.of(), true);
        ResolvedPlan resolved = build(graph).resolve(both());
        assertThat(resolved.handlerPrincipal()).isEqualTo("bearer:token");
    }

    @Test
    void handlerPrincipalWhenParametersPlannedOutOfOrderThenTheFirstParameterCounts() {
        PlanGraph graph = new PlanGraph(2, Object::toString);
        graph.inject(1, graph.addRoot(() -> "parameter 1", this.adminUser, List.of(), true));
        graph.inject(0, graph.addRoot(() -> "parameter 0", this.bearerUser, List.of(), true));
        assertThat(build(graph).resolve(both()).handlerPrincipal()).isEqualTo("bearer:token");
    }

    @Test
    void handlerPrincipalWhenFirstParameterIsOptionalAndEmptyThenNullThoughAnotherGranted() {
        PlanGraph graph = new PlanGraph(2, Object::toString);
        graph.inject(0, graph.addRoot(() -> "parameter 0", this.keyUser, List.of(), false));
        graph.inject(1, graph.addRoot(() -> "parameter 1", this.bearerUser, List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest().addHeader("Authorization", "Bearer token"));
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.GRANTED);
        assertThat(resolved.handlerPrincipal()).isNull();
        assertThat(resolved.isHandlerPrincipalVerified()).isFalse();
    }

    @Test
    void handlerPrincipalWhenAnonymousThenNull() {
        PlanGraph graph = new PlanGraph(1, Object::toString);
        graph.inject(0, graph.addRoot(() -> "parameter 0", this.keyUser, List.of(), false));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest());
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.ANONYMOUS);
        assertThat(resolved.handlerPrincipal()).isNull();
    }

    @Test
    void handlerPrincipalWhenUndecidedOrRefusedThenNull() {
        PlanGraph graph = new PlanGraph(1, Object::toString);
        graph.inject(0, graph.addRoot(() -> "parameter 0", this.bearerUser, List.of(), true));
        SecurityPlan plan = build(graph);
        assertThat(plan.prepare(both()).handlerPrincipal()).isNull();
        ResolvedPlan refused = plan.prepare(new TestRequest());
        assertThatExceptionOfType(NotAuthenticatedException.class).isThrownBy(refused::decide);
        assertThat(refused.handlerPrincipal()).isNull();
        assertThat(refused.isHandlerPrincipalVerified()).isFalse();
    }

    @Test
    void isHandlerPrincipalVerifiedWhenBareSchemeThenFalse() {
        PlanGraph graph = new PlanGraph(1, Object::toString);
        graph.inject(0, graph.addRoot(() -> "parameter 0", this.key, List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(both());
        assertThat(resolved.handlerPrincipal()).isEqualTo("k");
        assertThat(resolved.isHandlerPrincipalVerified()).isFalse();
    }

    @Test
    void isHandlerPrincipalVerifiedWhenAnyOfThenTheAlternativeThatProducedCounts() {
        PlanGraph graph = new PlanGraph(1, Object::toString);
        AnyOf anyOf = new AnyOf(List.of(ScopedDependency.of(this.key), ScopedDependency.of(this.bearerUser)),
                List.of("key", "bearerUser"));
        graph.inject(0, graph.addRoot(() -> "parameter 0", anyOf, List.of(), true));
        SecurityPlan plan = build(graph);
        ResolvedPlan scheme = plan.resolve(new TestRequest().addHeader("X-Key", "k"));
        assertThat(scheme.handlerPrincipal()).isEqualTo("k");
        assertThat(scheme.isHandlerPrincipalVerified()).isFalse();
        ResolvedPlan verifier = plan.resolve(new TestRequest().addHeader("Authorization", "Bearer token"));
        assertThat(verifier.handlerPrincipal()).isEqualTo("bearer:token");
        assertThat(verifier.isHandlerPrincipalVerified()).isTrue();
    }

    private static TestRequest both() {
        return new TestRequest().addHeader("X-Key", "k").addHeader("Authorization", "Bearer token");
    }

    private static SecurityPlan build(PlanGraph graph) {
        try {
            Method method = Object.class.getMethod("toString");
            return graph.build(Object.class, method);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
