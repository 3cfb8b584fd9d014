package io.github.padlock.scheme;

import io.github.padlock.RepeatedValueException;
import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * An API key in a request header (its name compared case-insensitively): FastAPI's {@code APIKeyHeader}, such as
 * {@code ApiKeyHeader.builder().name("X-API-KEY").build()}. See {@link ApiKeyScheme} for its answers.
 */
public class ApiKeyHeader extends ApiKeyScheme {

    /**
     * @param builder the settings
     */
    protected ApiKeyHeader(Builder builder) {
        super(builder, ApiKeyHeader.class, "APIKeyHeader", SecuritySchemeModel.Location.HEADER);
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
            return request.header(name());
        }
        catch (RepeatedValueException ex) {
            throw severalValues();
        }
    }

    /**
     * Settings of an {@link ApiKeyHeader}.
     */
    public static class Builder extends ApiKeyScheme.Builder<Builder> {

        /**
         * Lets a builder with more settings extend this one; applications start from {@link ApiKeyHeader#builder()}.
         */
        protected Builder() {
        }

        /**
         * @return the scheme
         */
        public ApiKeyHeader build() {
            return new ApiKeyHeader(this);
        }
    }
}
