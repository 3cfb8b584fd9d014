package io.github.padlock;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A security dependency that checks the value of another one: a scheme's credentials, or another verifier's
 * principal, to any depth. Declare it as a bean and inject it with {@link SecurityParam}:
 *
 * <pre>{@code
 * @Bean
 * Verifier<User> currentUser(HttpBasic basicAuth, UserStore users) {
 *     return Verifier.of(basicAuth, (credentials, scopes) -> users.check(credentials));
 * }
 * }</pre>
 *
 * The verifier's function runs at most once per request for each distinct set of effective scopes, and the
 * dependency below it is resolved first. The OpenAPI document lists the schemes below every verifier an operation
 * uses.
 *
 * @param <T> the type of value the verifier produces
 */
public final class Verifier<T> implements SecurityDependency<T> {

    private final Bound<?, T> bound;

    private final List<ScopedDependency> dependencies;

    private <U> Verifier(SecurityDependency<U> dependency, List<String> scopes,
            VerifierFunction<? super U, ? extends T> function) {
        this.bound = new Bound<>(Objects.requireNonNull(dependency, "dependency must not be null"),
                Objects.requireNonNull(function, "function must not be null"));
        this.dependencies = List.of(new ScopedDependency(dependency, scopes));
    }

    /**
     * A verifier over {@code dependency}.
     * @param dependency the scheme or verifier whose value is checked
     * @param function the check
     * @param <U> the type of value {@code dependency} produces
     * @param <T> the type of value the verifier produces
     * @return the verifier
     */
    public static <U, T> Verifier<T> of(SecurityDependency<U> dependency,
            VerifierFunction<? super U, ? extends T> function) {
        return new Verifier<>(dependency, List.of(), function);
    }

    /**
     * A verifier over {@code dependency} that requires {@code scopes} of it, as FastAPI's
     * {@code Security(dependency, scopes=[...])} inside a verifier: the scopes reach every dependency below.
     * @param dependency the scheme or verifier whose value is checked
     * @param scopes the scopes required of {@code dependency}
     * @param function the check
     * @param <U> the type of value {@code dependency} produces
     * @param <T> the type of value the verifier produces
     * @return the verifier
     */
    public static <U, T> Verifier<T> of(SecurityDependency<U> dependency, List<String> scopes,
            VerifierFunction<? super U, ? extends T> function) {
        return new Verifier<>(dependency, scopes, function);
    }

    @Override
    public @Nullable T resolve(SecurityResolution resolution) {
        return this.bound.verify(resolution);
    }

    @Override
    public List<ScopedDependency> dependencies() {
        return this.dependencies;
    }

    @Override
    public String toString() {
        return "Verifier of " + this.bound.dependency;
    }

    private record Bound<U, T>(SecurityDependency<U> dependency, VerifierFunction<? super U, ? extends T> function) {

        @Nullable T verify(SecurityResolution resolution) {
            return this.function.verify(resolution.valueOf(this.dependency), resolution.scopes());
        }
    }
}
