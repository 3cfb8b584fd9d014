package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import org.junit.jupiter.api.Test;


import static io.github.padlock.scheme.SchemeAssertions.assertInvalidRequest;
import static io.github.padlock.scheme.SchemeAssertions.assertNotAuthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ApiKeyHeader}, {@link ApiKeyQuery} and {@link ApiKeyCookie} against FastAPI §2.6: the raw value, empty is
 * missing, {@code WWW-Authenticate: APIKey}; and Padlock's 400 for a key sent twice.
 */
class ApiKeySchemeTests {

    private final ApiKeyHeader header = ApiKeyHeader.builder().name("key").build();

    private final ApiKeyQuery query = ApiKeyQuery.builder().name("key").build();

    private final ApiKeyCookie cookie = ApiKeyCookie.builder().name("key").build();

    @Test
    void resolveWhenHeaderThenRawValue() {
        assertThat(this.header.resolve(request().header("key", "secret").build())).isEqualTo("secret");
        assertThat(this.header.resolve(request().header("KEY", "Bearer x").build())).isEqualTo("Bearer x");
    }

    @Test
    void resolveWhenHeaderMissingOrEmptyThenUnauthorizedApiKey() {
        assertNotAuthenticated(this.header, request().build(), "APIKey");
        assertNotAuthenticated(this.header, request().header("key", "").build(), "APIKey");
        ApiKeyHeader optional = ApiKeyHeader.builder().name("key").autoError(false).build();
        assertThat(optional.resolve(request().build())).isNull();
        assertThat(optional.resolve(request().header("key", "").build())).isNull();
    }

    @Test
    void resolveWhenHeaderTwiceThenInvalidRequestEvenWithAutoErrorOff() {
        ApiKeyHeader optional = ApiKeyHeader.builder().name("X-API-KEY").autoError(false).build();
        assertInvalidRequest(optional, request().header("X-API-KEY", "first").header("x-api-key", "second").build(),
                "Several values for API key X-API-KEY", null, "first", "second");
        assertInvalidRequest(this.header, request().header("key", "first").header("key", "").build(),
                "Several values for API key key", null, "first");
    }

    @Test
    void resolveWhenQueryThenDecodedValue() {
        assertThat(this.query.resolve(request().query("key=secret").build())).isEqualTo("secret");
        assertThat(this.query.resolve(request().query("other=1&key=s%20e+c%C3%A9&x").build())).isEqualTo("s e cé");
        assertThat(this.query.resolve(request().query("%zz=1&key=secret").build())).isEqualTo("secret");
    }

    @Test
    void resolveWhenQueryMissingOrEmptyThenUnauthorizedApiKey() {
        assertNotAuthenticated(this.query, request().build(), "APIKey");
        assertNotAuthenticated(this.query, request().query("key=").build(), "APIKey");
        assertNotAuthenticated(this.query, request().query("key").build(), "APIKey");
        assertNotAuthenticated(this.query, request().query("keys=secret&akey=secret").build(), "APIKey");
        ApiKeyQuery optional = ApiKeyQuery.builder().name("key").autoError(false).build();
        assertThat(optional.resolve(request().query("key=").build())).isNull();
    }

    @Test
    void resolveWhenQueryRepeatedThenInvalidRequestEvenWithAutoErrorOff() {
        ApiKeyQuery optional = ApiKeyQuery.builder().name("api_key").autoError(false).build();
        assertInvalidRequest(optional, request().query("api_key=first&api_key=second").build(),
                "Several values for API key api_key", null, "first", "second");
        assertInvalidRequest(optional, request().query("api_key=first&x=1&api%5Fkey").build(),
                "Several values for API key api_key", null, "first");
        assertThat(optional.resolve(request().query("api_key=first&x_api_key=second").build())).isEqualTo("first");
    }

    @Test
    void resolveWhenQueryBrokenThenUnauthorizedEvenWithAutoErrorOff() {
        ApiKeyQuery optional = ApiKeyQuery.builder().name("key").autoError(false).build();
        assertNotAuthenticated(optional, request().query("key=%zz").build(), "APIKey");
    }

    @Test
    void resolveWhenCookieThenValue() {
        assertThat(this.cookie.resolve(request().cookie("key", "secret").build())).isEqualTo("secret");
        assertNotAuthenticated(this.cookie, request().cookie("KEY", "secret").build(), "APIKey");
        assertNotAuthenticated(this.cookie, request().cookie("key", "").build(), "APIKey");
        ApiKeyCookie optional = ApiKeyCookie.builder().name("key").autoError(false).build();
        assertThat(optional.resolve(request().build())).isNull();
    }

    @Test
    void resolveWhenCookieTwiceThenInvalidRequestEvenWithAutoErrorOff() {
        ApiKeyCookie optional = ApiKeyCookie.builder().name("session").autoError(false).build();
        assertInvalidRequest(optional, request().cookie("session", "first").cookie("session", "second").build(),
                "Several values for API key session", null, "first", "second");
        assertInvalidRequest(this.cookie, request().cookie("key", "").cookie("key", "").build(),
                "Several values for API key key", null);
        assertThat(optional.resolve(request().cookie("session", "first").cookie("Session", "second").build()))
            .isEqualTo("first");
    }

    @Test
    void modelWhenBuiltThenApiKeyObject() {
        assertThat(this.header.schemeName()).isEqualTo("APIKeyHeader");
        assertThat(this.query.schemeName()).isEqualTo("APIKeyQuery");
        assertThat(this.cookie.schemeName()).isEqualTo("APIKeyCookie");
        assertThat(ApiKeyCookie.builder().name("key").description("An API Cookie Key").build().model())
            .isEqualTo(new SecuritySchemeModel.ApiKey("key", SecuritySchemeModel.Location.COOKIE, "An API Cookie Key"));
        assertThat(this.query.model())
            .isEqualTo(new SecuritySchemeModel.ApiKey("key", SecuritySchemeModel.Location.QUERY, null));
    }

    @Test
    void buildWhenNameMissingOrBlankThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyHeader.builder().name(" "));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ApiKeyHeader.builder().build()))
            .hasMessageContaining("name");
    }

    private static RequestBuilder request() {
        return new RequestBuilder();
    }

    private static final class RequestBuilder {

        private final TestRequest request = new TestRequest();

        RequestBuilder header(String name, String value) {
            this.request.addHeader(name, value);
            return this;
        }

        RequestBuilder query(String query) {
            this.request.setQueryString(query);
            return this;
        }

        RequestBuilder cookie(String name, String value) {
            this.request.addCookie(name, value);
            return this;
        }

        TestRequest build() {
            return this.request;
        }
    }
}
