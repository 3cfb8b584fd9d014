package io.github.padlock;

import java.util.List;
import java.util.Objects;

/**
 * An edge of the security graph: a dependency together with the scopes the dependent requires of it
 * (FastAPI's {@code Security(dependency, scopes=[...])} inside another dependency).
 *
 * @param dependency the dependency below
 * @param scopes the scopes required on this edge, in declaration order
 */
public record ScopedDependency(SecurityDependency<?> dependency, List<String> scopes) {

    /**
     * Refuses a {@code null} dependency and copies the scopes.
     *
     * @param dependency the dependency below
     * @param scopes the scopes required on this edge, in declaration order
     */
    public ScopedDependency {
        Objects.requireNonNull(dependency, "dependency must not be null");
        scopes = List.copyOf(scopes);
    }

    /**
     * An edge that requires no scopes.
     * @param dependency the dependency below
     * @return the edge
     */
    public static ScopedDependency of(SecurityDependency<?> dependency) {
        return new ScopedDependency(dependency, List.of());
    }
}
