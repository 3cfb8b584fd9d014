package io.github.padlock;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link SecurityDependency} sees while Padlock resolves it: the request, the scopes required on the path
 * that led to it, and the values of the dependencies below it. Valid only during the call it is passed to.
 */
public interface SecurityResolution {

    /**
     * @return what schemes and verifiers may read of the request being handled
     */
    SecurityRequest request();

    /**
     * @return the effective scopes of the dependency being resolved (FastAPI's {@code SecurityScopes})
     */
    SecurityScopes scopes();

    /**
     * The value of one of the {@link SecurityDependency#dependencies() dependencies} of the dependency being
     * resolved, computed on first use and reused for the rest of the request.
     * @param dependency one of the dependencies declared by the dependency being resolved
     * @param <U> the type it produces
     * @return its value, {@code null} when it is optional and produced nothing
     * @throws IllegalArgumentException when {@code dependency} was not declared by the dependency being resolved
     */
    <U> @Nullable U valueOf(SecurityDependency<U> dependency);
}
