package io.github.padlock;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something that produces a value of type {@code T} for a request: a security scheme (which reads credentials from
 * the request) or a {@link Verifier} (which checks the value of the dependency below it). FastAPI's security
 * dependencies, as a graph Padlock can walk at start-up.
 * <p>
 * Padlock calls {@link #resolve(SecurityResolution)} at most once per request for each distinct set of effective
 * scopes, and the dependencies listed by {@link #dependencies()} are resolved on demand through
 * {@link SecurityResolution#valueOf(SecurityDependency)}. Implementations must be thread-safe and stateless per
 * request.
 *
 * @param <T> the type of value produced
 */
public interface SecurityDependency<T> {

    /**
     * Produce this dependency's value for the current request.
     * @param resolution the request, this node's effective scopes and access to the values of its dependencies
     * @return the value, or {@code null} when the dependency is optional and has nothing to offer
     * @throws PadlockException (or another {@link org.springframework.web.ErrorResponse}) to refuse the request
     */
    @Nullable T resolve(SecurityResolution resolution);

    /**
     * The dependencies this one reads, each with the scopes it requires of it; empty for a scheme.
     * @return the dependencies below this one, in the order they are used
     */
    default List<ScopedDependency> dependencies() {
        return List.of();
    }
}
