package io.github.padlock.scheme;

import io.github.padlock.SecurityRequest;
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
    @Nullable String read(SecurityRequest request) {
        String query = request.queryString();
        if (query == null) {
            return null;
        }
        String value = null;
        int start = 0;
        while (start < query.length()) {
            int end = QueryString.end(query, start);
            int nameEnd = QueryString.nameEnd(query, start, end);
            if (QueryString.nameIs(query, start, nameEnd, name())) {
                if (value != null) {
                    throw severalValues();
                }
                value = (nameEnd < end) ? decode(query.substring(nameEnd + 1, end)) : "";
            }
            start = end + 1;
        }
        return value;
    }

    /** Our parameter's value: broken percent-encoding is refused. */
    private String decode(String text) {
        String decoded = QueryString.decode(text);
        if (decoded == null) {
            throw makeNotAuthenticatedError();
        }
        return decoded;
    }

    /**
     * Settings of an {@link ApiKeyQuery}.
     */
    public static class Builder extends ApiKeyScheme.Builder<Builder> {

        /**
         * Lets a builder with more settings extend this one; applications start from {@link ApiKeyQuery#builder()}.
         */
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
