package io.github.padlock;

import org.jspecify.annotations.Nullable;

/**
 * The check a {@link Verifier} applies to the value of the dependency below it: FastAPI's verifier dependency
 * ({@code get_current_user(credentials = Security(scheme))}) as a lambda.
 *
 * @param <U> the type of value the dependency below produces
 * @param <T> the type of value the verifier produces
 */
@FunctionalInterface
public interface VerifierFunction<U, T> {

    /**
     * Check {@code value} and return what the handler should receive.
     * @param value the value of the dependency below; {@code null} only when that dependency is optional
     * ({@code autoError} off) and the request carried nothing for it
     * @param scopes the scopes required on the path to this verifier, outermost first
     * @return the verified principal; {@code null} to inject nothing
     * @throws PadlockException (or another {@link org.springframework.web.ErrorResponse}) to refuse the request
     */
    @Nullable T verify(@Nullable U value, SecurityScopes scopes);
}
