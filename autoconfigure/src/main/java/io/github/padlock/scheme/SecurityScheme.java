package io.github.padlock.scheme;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityRequest;
import io.github.padlock.SecurityResolution;
import org.jspecify.annotations.Nullable;

/**
 * A leaf of the security graph: reads credentials from the request, and describes itself as an OpenAPI Security
 * Scheme Object so that the documentation is derived from the same object as the behaviour.
 *
 * @param <T> the type of credentials produced
 */
public interface SecurityScheme<T> extends SecurityDependency<T> {

    /**
     * Read the credentials from {@code request}.
     * @param request the request
     * @return the credentials, or {@code null} when they are missing and {@link #autoError()} is off
     * @throws io.github.padlock.PadlockException when they are missing and {@link #autoError()} is on, or malformed
     */
    @Nullable T resolve(SecurityRequest request);

    @Override
    default @Nullable T resolve(SecurityResolution resolution) {
        return resolve(resolution.request());
    }

    /**
     * @return the key of this scheme in the OpenAPI {@code components.securitySchemes} and in each operation's
     * {@code security}; FastAPI's class name (such as {@code HTTPBasic}) unless set
     */
    String schemeName();

    /**
     * The {@code WWW-Authenticate} challenge (RFC 9110 §11.6.1) this scheme answers missing credentials with, such as
     * {@code Basic realm="store"} or {@code Bearer}. Padlock also adds it to any 401 raised above the scheme without a
     * challenge of its own (a verifier's {@code ResponseStatusException}, say), since RFC 9110 §15.5.2 requires one.
     * @return the challenge
     */
    String challenge();

    /**
     * @return whether missing credentials are refused (401) rather than produced as {@code null}
     */
    boolean autoError();

    /**
     * @return the OpenAPI Security Scheme Object that documents this scheme
     */
    SecuritySchemeModel model();
}
