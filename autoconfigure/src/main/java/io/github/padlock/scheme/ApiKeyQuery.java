package io.github.padlock.scheme;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * An API key in a query parameter: FastAPI's {@code APIKeyQuery}. Only the query string is read (decoded as UTF-8
 * form data, {@code +} as space), never a form body, so resolving it does not consume the request's body. See
 * {@link ApiKeyScheme} for its answers; our parameter with broken percent-encoding is a malformed credential: 401
 * {@code Not authenticated} whatever {@code autoError}.
 */
public class ApiKeyQuery extends ApiKeyScheme {

    /**
     * @param builder the settings
     */
    protected ApiKeyQuery(Builder builder) {
        super(builder, ApiKeyQuery.class, "APIKeyQuery", SecuritySchemeModel.Location.QUERY);
    }

    /**
     * @return a builder; {@code name} is required
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    @Nullable String read(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return null;
        }
        String value = null;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int equals = query.indexOf('=', start);
            boolean hasValue = equals >= 0 && equals < end;
            if (name().equals(decodeOrNull(query.substring(start, hasValue ? equals : end)))) {
                if (value != null) {
                    throw severalValues();
                }
                value = hasValue ? decode(query.substring(equals + 1, end)) : "";
            }
            start = end + 1;
        }
        return value;
    }

    /** Our parameter's value: broken percent-encoding is refused. */
    private String decode(String text) {
        String decoded = decodeOrNull(text);
        if (decoded == null) {
            throw makeNotAuthenticatedError();
        }
        return decoded;
    }

    /** Another parameter's name may be broken: it is simply not ours. */
    private static @Nullable String decodeOrNull(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * Settings of an {@link ApiKeyQuery}.
     */
    public static class Builder extends ApiKeyScheme.Builder<Builder> {

        protected Builder() {
        }

        /**
         * @return the scheme
         */
        public ApiKeyQuery build() {
            return new ApiKeyQuery(this);
        }
    }
}
