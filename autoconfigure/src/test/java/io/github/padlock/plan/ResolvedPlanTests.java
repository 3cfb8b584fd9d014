package io.github.padlock.plan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.padlock.InsufficientScopeException;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.TestRequest;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBearer;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A plan's resolution for one request, without a Spring context or a servlet: each node once, the fail-closed rules,
 * {@code anyOf}, challenges and outcomes.
 */
class ResolvedPlanTests {

    private final ApiKeyHeader key = ApiKeyHeader.builder().name("X-Key").autoError(false).build();

    private final HttpBearer bearer = HttpBearer.builder().build();

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private final Verifier<String> keyUser = Verifier.of(this.key, (key, scopes) -> {
        this.calls.add("keyUser" + scopes.scopes());
        if (key == null) {
            return null;
        }
        if (!key.startsWith("good")) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        scopes.require(key.equals("good-admin") ? List.of("admin") : List.of());
        return "key:" + key;
    });

    private final Verifier<String> bearerUser = Verifier.of(this.bearer, (credentials, scopes) -> {
        this.calls.add("bearerUser");
        return "bearer:" + credentials.credentials();
    });

    @Test
    void resolveWhenOneNodeUsedByTwoParametersThenItRunsOnce() {
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of(), true));
        graph.inject(1, graph.addRoot(() -> "b", this.keyUser, List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest().addHeader("X-Key", "good"));
        assertThat(resolved.valueForParameter(0)).isEqualTo("key:good");
        assertThat(resolved.valueForParameter(1)).isEqualTo("key:good");
        assertThat(this.calls).containsExactly("keyUser[]");
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.GRANTED);
    }

    @Test
    void resolveWhenStubbedThenStubRunsWithTheNodesScopesInsteadOfTheVerifierAndItsScheme() {
        List<String> stubScopes = new ArrayList<>();
        SecurityDependency<String> stub = (resolution) -> {
            stubScopes.addAll(resolution.scopes().scopes());
            return "stubbed";
        };
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of("admin"), true));
        SecurityPlan plan = graph.build(Object.class, handlerMethod(), (dependency, request) -> (dependency == this.keyUser)
                ? stub : null);
        ResolvedPlan resolved = plan.resolve(new TestRequest());
        assertThat(resolved.valueForParameter(0)).isEqualTo("stubbed");
        assertThat(stubScopes).containsExactly("admin");
        assertThat(this.calls).isEmpty();
    }

    @Test
    void resolveWhenStubProducesNothingUnderScopesThenStill401() {
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of("admin"), false));
        SecurityPlan plan = graph.build(Object.class, handlerMethod(), (dependency, request) -> (dependency == this.keyUser)
                ? (SecurityDependency<String>) (resolution) -> null : null);
        assertThatExceptionOfType(NotAuthenticatedException.class).isThrownBy(() -> plan.resolve(new TestRequest()));
    }

    @Test
    void resolveWhenRequiredRootProducesNothingThen401MissingWithTheChallengesBeneath() {
        PlanGraph graph = graph();
        graph.addRoot(() -> "a", this.keyUser, List.of(), true);
        NotAuthenticatedException refusal = catchThrowableOfType(NotAuthenticatedException.class,
                () -> build(graph).resolve(new TestRequest()));
        assertThat(refusal.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("APIKey");
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.MISSING);
    }

    @Test
    void resolveWhenOptionalRootProducesNothingThenNullAndAnonymous() {
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of(), false));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest());
        assertThat(resolved.valueForParameter(0)).isNull();
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.ANONYMOUS);
    }

    @Test
    void resolveWhenScopedVerifierProducesNothingThen401EvenForANullableParameter() {
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of("admin"), false));
        NotAuthenticatedException refusal = catchThrowableOfType(NotAuthenticatedException.class,
                () -> build(graph).resolve(new TestRequest()));
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.MISSING);
        assertThat(this.calls).containsExactly("keyUser[admin]");
    }

    @Test
    void resolveWhenVerifierThrowsResponseStatusExceptionThenPadlocksRefusalWithChallengeAndInvalidOutcome() {
        PlanGraph graph = graph();
        graph.addRoot(() -> "a", this.keyUser, List.of(), true);
        PadlockException refusal = catchThrowableOfType(PadlockException.class,
                () -> build(graph).resolve(new TestRequest().addHeader("X-Key", "bad")));
        assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refusal.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("APIKey");
        assertThat(refusal.getBody().getDetail()).isEqualTo("Not authenticated");
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.INVALID);
    }

    @Test
    void resolveWhenAnyOfThenFirstValueWinsAndLaterVerifiersDoNotRun() {
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", anyOf(), List.of(), true));
        ResolvedPlan resolved = build(graph)
            .resolve(new TestRequest().addHeader("X-Key", "good").addHeader("Authorization", "Bearer t"));
        assertThat(resolved.valueForParameter(0)).isEqualTo("key:good");
        assertThat(this.calls).containsExactly("keyUser[]");
    }

    @Test
    void resolveWhenAnyOfAndALaterAlternativeIsAmbiguousThen400() {
        PlanGraph graph = graph();
        graph.addRoot(() -> "a", anyOf(), List.of(), true);
        PadlockException refusal = catchThrowableOfType(PadlockException.class, () -> build(graph)
            .resolve(new TestRequest().addHeader("X-Key", "good").addHeader("Authorization", "Bearer t")
                .addHeader("Authorization", "Bearer u")));
        assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.AMBIGUOUS);
        assertThat(this.calls).containsExactly("keyUser[]");
    }

    @Test
    void resolveWhenEveryAlternativeFailsThen401WithEveryChallenge() {
        PlanGraph graph = graph();
        graph.addRoot(() -> "a", anyOf(), List.of(), true);
        NotAuthenticatedException refusal = catchThrowableOfType(NotAuthenticatedException.class,
                () -> build(graph).resolve(new TestRequest().addHeader("X-Key", "bad")));
        assertThat(refusal.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("APIKey", "Bearer");
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.INVALID);
    }

    @Test
    void resolveWhenAnAlternativeIsForbiddenAndNoneSucceedsThenTheForbiddenRefusal() {
        PlanGraph graph = graph();
        graph.addRoot(() -> "a", anyOf(), List.of("admin"), true);
        assertThatExceptionOfType(InsufficientScopeException.class)
            .isThrownBy(() -> build(graph).resolve(new TestRequest().addHeader("X-Key", "good")));
    }

    @Test
    void valueOfWhenNotADeclaredDependencyThenIllegalArgument() {
        SecurityDependency<String> rogue = new PlanGraphTests.Parent(List.of(ScopedDependency.of(this.key))) {
            @Override
            public String resolve(io.github.padlock.SecurityResolution resolution) {
                return String.valueOf(resolution.valueOf(ResolvedPlanTests.this.bearer));
            }
        };
        PlanGraph graph = graph();
        graph.addRoot(() -> "a", rogue, List.of(), true);
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> build(graph).resolve(new TestRequest()))
            .withMessageContaining("is not a declared dependency");
    }

    @Test
    void resolveWhenConcurrentRequestsThenEachGetsItsOwnValues() throws Exception {
        PlanGraph graph = graph();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of(), true));
        SecurityPlan plan = build(graph);
        AtomicInteger mismatches = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String value = "good-" + thread + "-" + i;
                    if (!("key:" + value).equals(plan.resolve(new TestRequest().addHeader("X-Key", value))
                        .valueForParameter(0))) {
                        mismatches.incrementAndGet();
                    }
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(mismatches).hasValue(0);
    }

    @Test
    void decidingWhenGrantedThenTheSchemeAndVerifierThatProducedThePrincipal() {
        PlanGraph graph = named();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest().addHeader("X-Key", "good"));
        assertThat(resolved.decidingScheme()).isEqualTo("key");
        assertThat(resolved.decidingVerifier()).isEqualTo("keyUser");
        assertThat(resolved.principal()).isEqualTo("key:good");
    }

    @Test
    void decidingWhenBareSchemeGrantsThenVerifierNone() {
        PlanGraph graph = named();
        graph.inject(0, graph.addRoot(() -> "a", this.bearer, List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest().addHeader("Authorization", "Bearer t"));
        assertThat(resolved.decidingScheme()).isEqualTo("bearer");
        assertThat(resolved.decidingVerifier()).isEqualTo(ResolvedPlan.NONE);
    }

    @Test
    void decidingWhenVerifierRefusesThenItAndItsScheme() {
        PlanGraph graph = named();
        graph.addRoot(() -> "a", this.keyUser, List.of(), true);
        ResolvedPlan resolved = build(graph).prepare(new TestRequest().addHeader("X-Key", "bad"));
        assertThatExceptionOfType(PadlockException.class).isThrownBy(resolved::decide);
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.INVALID);
        assertThat(resolved.decidingScheme()).isEqualTo("key");
        assertThat(resolved.decidingVerifier()).isEqualTo("keyUser");
        assertThat(resolved.principal()).isNull();
    }

    @Test
    void decidingWhenSecondAlternativeSucceedsThenItsSchemeAndVerifier() {
        PlanGraph graph = named();
        graph.inject(0, graph.addRoot(() -> "a", anyOf(), List.of(), true));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest().addHeader("Authorization", "Bearer t"));
        assertThat(resolved.decidingScheme()).isEqualTo("bearer");
        assertThat(resolved.decidingVerifier()).isEqualTo("bearerUser");
        assertThat(resolved.principal()).isEqualTo("bearer:t");
    }

    @Test
    void decidingWhenEveryAlternativeFailsThenNone() {
        PlanGraph graph = named();
        graph.addRoot(() -> "a", anyOf(), List.of(), true);
        ResolvedPlan resolved = build(graph).prepare(new TestRequest().addHeader("X-Key", "bad"));
        assertThatExceptionOfType(PadlockException.class).isThrownBy(resolved::decide);
        assertThat(resolved.decidingScheme()).isEqualTo(ResolvedPlan.NONE);
        assertThat(resolved.decidingVerifier()).isEqualTo(ResolvedPlan.NONE);
    }

    @Test
    void decidingWhenAlternativeForbiddenAndNoneSucceedsThenTheForbiddingVerifier() {
        PlanGraph graph = named();
        graph.addRoot(() -> "a", anyOf(), List.of("admin"), true);
        ResolvedPlan resolved = build(graph).prepare(new TestRequest().addHeader("X-Key", "good"));
        assertThatExceptionOfType(InsufficientScopeException.class).isThrownBy(resolved::decide);
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.FORBIDDEN);
        assertThat(resolved.decidingVerifier()).isEqualTo("keyUser");
        assertThat(resolved.decidingScheme()).isEqualTo("key");
    }

    @Test
    void decidingWhenAmbiguousAfterASuccessThenTheAmbiguousScheme() {
        PlanGraph graph = named();
        graph.addRoot(() -> "a", anyOf(), List.of(), true);
        ResolvedPlan resolved = build(graph).prepare(new TestRequest().addHeader("X-Key", "good")
            .addHeader("Authorization", "Bearer t")
            .addHeader("Authorization", "Bearer u"));
        assertThatExceptionOfType(PadlockException.class).isThrownBy(resolved::decide);
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.AMBIGUOUS);
        assertThat(resolved.decidingScheme()).isEqualTo("bearer");
    }

    @Test
    void decidingWhenNotDecidedThenNoneAndNoOutcome() {
        PlanGraph graph = named();
        graph.addRoot(() -> "a", this.keyUser, List.of(), true);
        ResolvedPlan resolved = build(graph).prepare(new TestRequest().addHeader("X-Key", "good"));
        assertThat(resolved.outcome()).isNull();
        assertThat(resolved.decidingScheme()).isEqualTo(ResolvedPlan.NONE);
        assertThat(resolved.principal()).isNull();
    }

    @Test
    void decidingWhenOptionalAndNoCredentialsThenAnonymousAndNone() {
        PlanGraph graph = named();
        graph.inject(0, graph.addRoot(() -> "a", this.keyUser, List.of(), false));
        ResolvedPlan resolved = build(graph).resolve(new TestRequest());
        assertThat(resolved.outcome()).isEqualTo(SecurityOutcome.ANONYMOUS);
        assertThat(resolved.decidingScheme()).isEqualTo(ResolvedPlan.NONE);
        assertThat(resolved.principal()).isNull();
    }

    private PlanGraph named() {
        return new PlanGraph(2, Object::toString, (dependency) -> (dependency == this.key) ? "key"
                : (dependency == this.bearer) ? "bearer" : (dependency == this.keyUser) ? "keyUser"
                        : (dependency == this.bearerUser) ? "bearerUser" : "other");
    }

    private AnyOf anyOf() {
        return new AnyOf(List.of(ScopedDependency.of(this.keyUser), ScopedDependency.of(this.bearerUser)),
                List.of("keyUser", "bearerUser"));
    }

    private static PlanGraph graph() {
        return new PlanGraph(2, Object::toString);
    }

    private static Method handlerMethod() {
        try {
            return Object.class.getMethod("toString");
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static SecurityPlan build(PlanGraph graph) {
        try {
            return graph.build(Object.class, Object.class.getMethod("toString"));
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
