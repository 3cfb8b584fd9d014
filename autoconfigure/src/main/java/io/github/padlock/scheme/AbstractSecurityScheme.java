package io.github.padlock.scheme;

import java.util.List;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * What every scheme shares: its OpenAPI component key, its description, its {@code autoError} switch, and the one
 * place that builds its refusal, FastAPI's {@code make_not_authenticated_error()}. Subclass a concrete scheme and
 * override {@link #makeNotAuthenticatedError()} to answer differently (FastAPI's {@code HTTPBearer403} example).
 *
 * @param <T> the type of credentials produced
 */
public abstract class AbstractSecurityScheme<T> implements SecurityScheme<T> {

    /** RFC 6750 §2.3's query parameter, which a bearer scheme refuses beside a {@code Bearer} header. */
    static final String ACCESS_TOKEN = "access_token";

    private final String schemeName;

    private final @Nullable String description;

    private final boolean autoError;

    /**
     * @param builder the common settings
     * @param schemeClass the concrete scheme class whose instances default to {@code defaultSchemeName}
     * @param defaultSchemeName FastAPI's class name, such as {@code HTTPBearer}; a subclass defaults to its own
     * simple name, as in FastAPI
     */
    protected AbstractSecurityScheme(Builder<?> builder, Class<?> schemeClass, String defaultSchemeName) {
        this.schemeName = (builder.schemeName != null) ? builder.schemeName
                : (getClass() == schemeClass) ? defaultSchemeName : getClass().getSimpleName();
        this.description = builder.description;
        this.autoError = builder.autoError;
    }

    @Override
    public String schemeName() {
        return this.schemeName;
    }

    @Override
    public boolean autoError() {
        return this.autoError;
    }

    /**
     * @return the description shown in the documentation, or {@code null}
     */
    public @Nullable String description() {
        return this.description;
    }

    /**
     * The refusal for missing (or, where the scheme says so, malformed) credentials: 401 {@code Not authenticated}
     * with this scheme's {@link #challenge()}. FastAPI's {@code make_not_authenticated_error()}: override to answer
     * otherwise.
     * @return the exception to throw
     */
    protected PadlockException makeNotAuthenticatedError() {
        return new NotAuthenticatedException(NotAuthenticatedException.NOT_AUTHENTICATED, List.of(challenge()),
                SecurityOutcome.MISSING);
    }

    /**
     * What to produce when the credentials are missing: nothing when {@code autoError} is off.
     * @return {@code null}
     * @throws PadlockException {@link #makeNotAuthenticatedError()} when {@code autoError} is on
     */
    protected final @Nullable T missing() {
        if (this.autoError) {
            throw makeNotAuthenticatedError();
        }
        return null;
    }

    /**
     * The request's {@code Authorization} header, split; several such headers are refused with 400
     * {@code invalid_request} whatever {@code autoError}, since RFC 9110 §5.3 does not allow them to be combined.
     */
    final AuthorizationHeader.Parts authorization(SecurityRequest request) {
        return authorization(request, false);
    }

    /**
     * The request's {@code Authorization} header for a bearer-token scheme, split. Refused with 400
     * {@code invalid_request} and {@code WWW-Authenticate: Bearer error="invalid_request"} whatever {@code autoError}:
     * several such headers, and a {@code Bearer} header sent with an {@code access_token} query parameter (RFC 6750
     * §2: a client MUST NOT use more than one method). The query string is only looked at for a {@code Bearer}
     * header.
     */
    final AuthorizationHeader.Parts bearerAuthorization(SecurityRequest request) {
        AuthorizationHeader.Parts header = authorization(request, true);
        if (header.hasScheme(HttpBearer.SCHEME) && QueryString.contains(request.queryString(), ACCESS_TOKEN)) {
            throw InvalidRequest.bearerSentTwice();
        }
        return header;
    }

    private static AuthorizationHeader.Parts authorization(SecurityRequest request, boolean bearer) {
        AuthorizationHeader.Parts header = AuthorizationHeader.read(request);
        if (header == null) {
            throw InvalidRequest.severalAuthorizationHeaders(bearer);
        }
        return header;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + this.schemeName + "]";
    }

    /**
     * The settings every scheme has, named after FastAPI's parameters.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {

        private @Nullable String schemeName;

        private @Nullable String description;

        private boolean autoError = true;

        /**
         * Starts from FastAPI's defaults: FastAPI's class name (such as {@code HTTPBasic}) as the OpenAPI key, no
         * description, {@code autoError} on.
         */
        protected Builder() {
        }

        /**
         * @param description the description shown in the documentation
         * @return this builder
         */
        public B description(@Nullable String description) {
            this.description = description;
            return self();
        }

        /**
         * @param schemeName the OpenAPI component key; FastAPI's class name by default
         * @return this builder
         */
        public B schemeName(@Nullable String schemeName) {
            if (schemeName != null && schemeName.isBlank()) {
                throw new IllegalArgumentException("schemeName must not be blank");
            }
            this.schemeName = schemeName;
            return self();
        }

        /**
         * @param autoError whether missing credentials are refused with 401 (the default) rather than produced as
         * {@code null}
         * @return this builder
         */
        public B autoError(boolean autoError) {
            this.autoError = autoError;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}
