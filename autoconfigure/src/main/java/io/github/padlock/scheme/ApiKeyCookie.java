package io.github.padlock.scheme;

import io.github.padlock.RepeatedValueException;
import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * An API key in a cookie (its name compared exactly): FastAPI's {@code APIKeyCookie}. See {@link ApiKeyScheme} for
 * its answers.
 */
public class ApiKeyCookie extends ApiKeyScheme {

    /**
     * @param builder the settings
     */
    protected ApiKeyCookie(Builder builder) {
        super(builder, ApiKeyCookie.class, "APIKeyCookie", SecuritySchemeModel.Location.COOKIE);
    }

    /**
     * @return a builder; {@code name} is required
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    @Nullable String read(SecurityRequest request) {
        try {
            return request.cookie(name());
        }
        catch (RepeatedValueException ex) {
            throw severalValues();
        }
    }

    /**
     * Settings of an {@link ApiKeyCookie}.
     */
    public static class Builder extends ApiKeyScheme.Builder<Builder> {

        /**
         * Lets a builder with more settings extend this one; applications start from {@link ApiKeyCookie#builder()}.
         */
        protected Builder() {
        }

        /**
         * @return the scheme
         */
        public ApiKeyCookie build() {
            return new ApiKeyCookie(this);
        }
    }
}
