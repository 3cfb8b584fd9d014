package io.github.padlock.plan;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hook of {@code padlock-spring-boot-test}'s stubs (FastAPI's {@code dependency_overrides}, for one request): asked
 * before each scheme or verifier of a plan is resolved, it may name another dependency to resolve in its place. Not an
 * extension point: Padlock's auto-configuration takes it from the test kit's MockMvc auto-configuration, whose
 * implementation answers only requests that MockMvc built in the test's own JVM; without one, nothing is ever asked.
 */
@FunctionalInterface
public interface DependencyStubs {

    /**
     * @param dependency the scheme or verifier about to be resolved (never an {@code anyOf}: its alternatives are
     * asked one by one)
     * @param request the request being handled
     * @return what to resolve in its place for this request, with the same effective scopes and the same fail-closed
     * rules; {@code null} to resolve {@code dependency} itself
     */
    @Nullable SecurityDependency<?> stubFor(SecurityDependency<?> dependency, SecurityRequest request);
}
