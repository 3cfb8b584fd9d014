package io.github.padlock.scheme;

import java.util.Objects;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * An API key sent in a header, a query parameter or a cookie: FastAPI's {@code APIKeyBase}. Produces the key as
 * sent, with no scheme handling; a verifier checks it.
 * <p>
 * An absent or empty key: 401 {@code Not authenticated} with FastAPI's (non-standard) challenge
 * {@code WWW-Authenticate: APIKey}, or {@code null} when {@code autoError} is off. A key sent more than once: 400
 * {@code invalid_request} {@code Several values for API key <name>}, without a challenge, whatever {@code autoError},
 * since it is ambiguous which one was meant.
 */
public abstract class ApiKeyScheme extends AbstractSecurityScheme<String> {

    static final String CHALLENGE = "APIKey";

    private final String name;

    private final SecuritySchemeModel.Location in;

    ApiKeyScheme(Builder<?> builder, Class<?> schemeClass, String defaultSchemeName, SecuritySchemeModel.Location in) {
        super(builder, schemeClass, defaultSchemeName);
        this.name = Objects.requireNonNull(builder.name, "name is required");
        this.in = in;
    }

    @Override
    public final @Nullable String resolve(SecurityRequest request) {
        String key = read(request);
        return (key == null || key.isEmpty()) ? missing() : key;
    }

    /**
     * @return the key as sent, or {@code null} when absent
     * @throws PadlockException 400 {@code invalid_request} when the key was sent more than once
     */
    abstract @Nullable String read(SecurityRequest request);

    /**
     * @return the refusal of a key sent more than once
     */
    final PadlockException severalValues() {
        return InvalidRequest.severalApiKeys(this.name);
    }

    @Override
    public String challenge() {
        return CHALLENGE;
    }

    /**
     * @return the name of the header, query parameter or cookie
     */
    public String name() {
        return this.name;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.ApiKey(this.name, this.in, description());
    }

    /**
     * Settings of an API key scheme, named after FastAPI's parameters.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> extends AbstractSecurityScheme.Builder<B> {

        private @Nullable String name;

        Builder() {
        }

        /**
         * @param name the name of the header, query parameter or cookie that carries the key
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public B name(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return (B) this;
        }
    }
}
